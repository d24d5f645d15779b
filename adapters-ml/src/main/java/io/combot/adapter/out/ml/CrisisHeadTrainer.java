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
 * longer benign ones (the screening reads a message sentence by sentence, so each sentence must stay quiet). The head
 * reads each text's embedding and its words ({@link WordFeatures}); its threshold comes from {@link HeadTrainer}'s
 * cross-validation, with two classes.
 */
final class CrisisHeadTrainer {
    private static final String OTHER = "other";
    private static final int LOWEST_SHOWN = 8;
    /**
     * Fixed, not chosen by cross-validation: the choice flipped between neighbouring strengths on embeddings that
     * differ in their last bits (another CPU), and the threshold with it (docs/ml.md).
     */
    private static final double L2 = 1e-4;
    /** The share of crisis training texts allowed below the out-of-fold score the threshold is taken from. */
    static final double QUANTILE = 0.05;
    /**
     * Below the out-of-fold quantile: texts written apart from the training set score lower than cross-validation
     * shows (texts written in one sitting resemble each other across folds), and a missed crisis costs more than a
     * false alarm.
     */
    static final double MARGIN = 0.6;

    /** A fit of {@link Rows}: the two-class head over embeddings and words, and its vocabulary. */
    record Fit(HeadTrainer.Result result, WordFeatures words) {
    }

    /**
     * A trained crisis head with the cross-validation report.
     *
     * @param outOfFoldScores the crisis score of each of the bot's examples, in order, by a head that never saw it
     */
    record Result(CrisisHead head, String report, int crisisTexts, int otherTexts, double[] outOfFoldScores) {
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
        Fit fit = rows.train(progress);
        return new Result(head(rows, fit), fit.result().cvReport() + String.format(Locale.ROOT, "crisis head over the "
                        + "embedding and %d words and pairs of words: threshold %.2f x %.4f (the out-of-fold score "
                        + "%.0f %% of crisis texts reach) = %.4f%n", fit.words().size(), MARGIN, quantile(rows, fit),
                        100 * (1 - QUANTILE), threshold(rows, fit)) + lowest(rows, fit.result()),
                rows.crisis(), rows.size() - rows.crisis(), examples.stream()
                        .mapToDouble(example -> fit.result().outOfFoldProbabilities()[rows.rowOf(example.text())][1])
                        .toArray());
    }

    /** The crisis head of a fit of {@link Rows}, with its threshold. */
    static CrisisHead head(Rows rows, Fit fit) {
        HeadTrainer.Result result = fit.result();
        return CrisisHead.ofSoftmax(result.weights(), result.biases(), 1, threshold(rows, fit), fit.words());
    }

    /**
     * {@link #MARGIN} x the out-of-fold score that all but {@link #QUANTILE} of the crisis texts reach. A quantile
     * rather than the lowest score: one odd text moved the lowest, and with it every decision.
     */
    static double threshold(Rows rows, Fit fit) {
        return quantile(rows, fit) * MARGIN;
    }

    private static double quantile(Rows rows, Fit fit) {
        double[] crisis = IntStream.range(0, rows.size()).filter(i -> rows.y.get(i) == 1)
                .mapToDouble(i -> fit.result().outOfFoldProbabilities()[i][1]).sorted().toArray();
        return crisis[(int) Math.floor(QUANTILE * crisis.length)];
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
        CrisisHead firstHead = head(rows, rows.train(line -> { }));
        for (List<String> parts : compound) {
            String best = parts.stream().max(Comparator.comparingDouble(part -> firstHead.probability(part,
                    byText.get(part)))).orElseThrow();
            rows.add(best, byText.get(best), true);
        }
        return rows;
    }

    /** The crisis texts cross-validation scores lowest. */
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
        private final Map<String, Integer> rowOfKey = new HashMap<>();
        final List<float[]> x = new ArrayList<>();
        final List<Integer> y = new ArrayList<>();

        /** A text once only (a crisis label wins), so that no text is scored out of fold by a head that saw it. */
        void add(String text, float[] embedding, boolean crisis) {
            Integer earlier = rowOfKey.putIfAbsent(text.toLowerCase(Locale.ROOT), texts.size());
            if (earlier != null) {
                y.set(earlier, crisis ? 1 : y.get(earlier));
                return;
            }
            texts.add(text);
            x.add(embedding);
            y.add(crisis ? 1 : 0);
        }

        int size() {
            return y.size();
        }

        /** The row of {@code text}, which was added (a text differing only in case shares it). */
        int rowOf(String text) {
            return rowOfKey.get(text.toLowerCase(Locale.ROOT));
        }

        int crisis() {
            return (int) y.stream().filter(label -> label == 1).count();
        }

        /**
         * Crisis rows repeated until the two classes weigh about the same: unweighted, the few crisis texts among
         * many others get scores so low that the threshold must sink with them. A repeat has the same text, so it
         * lands in the same fold ({@link HeadTrainer#folds}) and never scores itself out of fold.
         */
        Fit train(Consumer<String> progress) {
            WordFeatures words = WordFeatures.learn(texts);
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
            // Cross-fitted only: the threshold is set here from the out-of-fold scores, not by HeadTrainer's margin.
            HeadTrainer.Result result = HeadTrainer.atOneL2(List.of(OTHER, HeadTrainer.CRISIS), t,
                    v.toArray(float[][]::new), words.of(t), labels.stream().mapToInt(Integer::intValue).toArray(), L2,
                    progress);
            // Out-of-fold scores of the rows as given, not of their repeats.
            double[][] outOfFold = new double[size()][];
            for (int i = 0, row = 0; i < size(); i++) {
                outOfFold[i] = result.outOfFoldProbabilities()[row];
                row += y.get(i) == 1 ? repeats : 1;
            }
            return new Fit(new HeadTrainer.Result(result.labels(), result.weights(), result.biases(),
                    result.crisisThreshold(), result.l2(), result.crisisMargin(), outOfFold, result.cvReport()), words);
        }
    }
}
