package io.combot.adapter.out.ml;

import io.combot.domain.model.LabelledText;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Trains a bot's {@link CrisisHead}: crisis examples of {@code train.tsv} and the crisis messages of
 * {@code screening/train.tsv} against every other example, the benign screening messages and each sentence of the
 * longer benign ones (the screening reads a message sentence by sentence, so each sentence must stay quiet). The
 * L2 strength and the threshold come from {@link HeadTrainer}'s cross-validation, with two classes.
 */
final class CrisisHeadTrainer {
    private static final String OTHER = "other";
    private static final int LOWEST_SHOWN = 8;
    /** The share of the lowest out-of-fold crisis score the threshold is set at: HeadTrainer's smallest margin. */
    static final double MARGIN = 0.2;

    /** A trained crisis head with the cross-validation report. */
    record Result(CrisisHead head, String report, int crisisTexts, int otherTexts) {
    }

    private CrisisHeadTrainer() {
    }

    /**
     * @param embed     embeddings of texts, each alone, as the service embeds them
     * @param readWhole the longest text the classifier reads whole, which decides a message's parts
     */
    static Result train(List<LabelledText> examples, float[][] embedded, List<LabelledText> screening,
                        Function<List<String>, float[][]> embed, int readWhole, Consumer<String> progress) {
        Rows rows = rows(examples, embedded, screening, embed, readWhole);
        HeadTrainer.Result result = rows.train(progress);
        return new Result(head(result),
                result.cvReport() + String.format(Locale.ROOT, "crisis head threshold %.2f x %.4f = %.4f%n", MARGIN,
                        lowestCrisisScore(result), threshold(result)) + lowest(rows, result),
                rows.crisis(), rows.size() - rows.crisis());
    }

    /** The crisis head of a fit of {@link Rows}, with its threshold. */
    static CrisisHead head(HeadTrainer.Result result) {
        return CrisisHead.ofSoftmax(result.weights(), result.biases(), 1, threshold(result));
    }

    /**
     * Cross-validation here is optimistic (texts written in one sitting resemble each other across folds; held-out
     * sets written apart miss more), so the threshold takes the smallest margin the trainer considers rather than the
     * one its nested cross-validation picked: a missed crisis costs more than a false alarm.
     */
    static double threshold(HeadTrainer.Result result) {
        return lowestCrisisScore(result) * MARGIN;
    }

    private static double lowestCrisisScore(HeadTrainer.Result result) {
        return result.crisisThreshold() / result.crisisMargin();
    }

    /** The crisis head's training rows, as {@link #train} fits them (also read by tools that compare classifiers). */
    static Rows rows(List<LabelledText> examples, float[][] embedded, List<LabelledText> screening,
                     Function<List<String>, float[][]> embed, int readWhole) {
        Rows rows = new Rows();
        for (int i = 0; i < examples.size(); i++) {
            rows.add(examples.get(i).text(), embedded[i], examples.get(i).intent().equals(Intent.CRISIS));
        }
        List<String> texts = new ArrayList<>();
        List<List<String>> compound = new ArrayList<>();
        for (LabelledText text : screening) {
            boolean crisis = text.intent().equals(Intent.CRISIS);
            List<String> parts = MessageParts.of(text.text(), readWhole);
            if (crisis && parts.size() > 1) {
                compound.add(parts);
                texts.addAll(parts);
            } else {
                texts.add(text.text());
                if (!crisis && parts.size() > 1) {
                    texts.addAll(parts);
                }
            }
        }
        float[][] vectors = embed.apply(texts);
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), vectors[i]);
        }
        for (LabelledText text : screening) {
            boolean crisis = text.intent().equals(Intent.CRISIS);
            List<String> parts = MessageParts.of(text.text(), readWhole);
            if (parts.size() == 1) {
                rows.add(text.text(), byText.get(text.text()), crisis);
            } else if (!crisis) {
                // The screening reads each sentence of a benign message alone: each must stay quiet. The whole
                // message is left out: its sentences are already rows, and a whole in one fold with its sentences in
                // another would let cross-validation score texts it has nearly seen, and set the threshold too high.
                parts.forEach(part -> rows.add(part, byText.get(part), false));
            }
        }
        // Which sentence of a compound crisis message is the crisis statement is not written down: the part that a
        // head trained without them scores highest is taken as it. Its other parts are left out, not used as
        // negatives, since a statement may run over two sentences.
        HeadTrainer.Result first = rows.train(line -> { });
        CrisisHead firstHead = CrisisHead.ofSoftmax(first.weights(), first.biases(), 1, first.crisisThreshold());
        for (List<String> parts : compound) {
            String best = parts.stream().max(Comparator.comparingDouble(part -> firstHead.probability(
                    byText.get(part)))).orElseThrow();
            rows.add(best, byText.get(best), true);
        }
        return rows;
    }

    /** The crisis texts that set the threshold: the lowest out-of-fold scores. */
    private static String lowest(Rows rows, HeadTrainer.Result result) {
        StringBuilder out = new StringBuilder("crisis screening: the lowest out-of-fold scores of crisis texts\n");
        IntStream.range(0, rows.size()).filter(i -> rows.y.get(i) == 1).boxed()
                .sorted(Comparator.comparingDouble(i -> result.outOfFoldProbabilities()[i][1])).limit(LOWEST_SHOWN)
                .forEach(i -> out.append(String.format(Locale.ROOT, "  %.4f %s%n",
                        result.outOfFoldProbabilities()[i][1], LabelledText.abbreviate(rows.texts.get(i)))));
        return out.toString();
    }

    /** Distinct texts with their embeddings and labels (1 crisis, 0 other), in the order they were added. */
    static final class Rows {
        final List<String> texts = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        final List<float[]> x = new ArrayList<>();
        final List<Integer> y = new ArrayList<>();

        /** A text once only (a crisis label wins), so that no text is scored out of fold by a head that saw it. */
        void add(String text, float[] embedding, boolean crisis) {
            int earlier = keys.indexOf(text.toLowerCase(Locale.ROOT));
            if (earlier >= 0) {
                y.set(earlier, crisis ? 1 : y.get(earlier));
                return;
            }
            keys.add(text.toLowerCase(Locale.ROOT));
            texts.add(text);
            x.add(embedding);
            y.add(crisis ? 1 : 0);
        }

        int size() {
            return y.size();
        }

        int crisis() {
            return (int) y.stream().filter(label -> label == 1).count();
        }

        /**
         * Crisis rows repeated until the two classes weigh about the same: unweighted, the few crisis texts among
         * many others get scores so low that the threshold must sink with them. A repeat has the same text, so it
         * lands in the same fold and never scores itself out of fold.
         */
        HeadTrainer.Result train(Consumer<String> progress) {
            int repeats = Math.max(1, Math.round((float) (size() - crisis()) / Math.max(1, crisis())));
            List<String> t = new ArrayList<>();
            List<float[]> v = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                for (int r = 0; r < (y.get(i) == 1 ? repeats : 1); r++) {
                    t.add(texts.get(i));
                    v.add(x.get(i));
                    labels.add(y.get(i));
                }
            }
            HeadTrainer.Result result = HeadTrainer.train(List.of(OTHER, HeadTrainer.CRISIS), t,
                    v.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(), progress);
            // Out-of-fold scores of the rows as given, not of their repeats.
            double[][] outOfFold = new double[size()][];
            for (int i = 0, row = 0; i < size(); i++) {
                outOfFold[i] = result.outOfFoldProbabilities()[row];
                row += y.get(i) == 1 ? repeats : 1;
            }
            return new HeadTrainer.Result(result.labels(), result.weights(), result.biases(), result.crisisThreshold(),
                    result.l2(), result.crisisMargin(), outOfFold, result.cvReport());
        }
    }
}
