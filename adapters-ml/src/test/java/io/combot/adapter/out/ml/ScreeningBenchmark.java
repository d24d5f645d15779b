package io.combot.adapter.out.ml;

import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.MessageParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * {@code bin/ml screening [DIR]}: the crisis decision methods side by side on the held-out screening texts, each
 * message screened whole and part by part as the service screens it: the head in the folder (its crisis rule),
 * a separate binary crisis head trained on the screening texts ({@link CrisisHeadTrainer}, what {@code train} now
 * writes), and the intent head retrained with the benign texts as one more class (hard negatives in the intent head).
 * Prints recall on single and compound crisis texts and false alarms on benign texts and on the other intents'
 * held-out texts. Nothing here is tuned on the held-out texts: each method chooses its threshold on training data.
 */
final class ScreeningBenchmark {
    private final int readWhole;
    private final EmbeddingMemo embeddings;

    private ScreeningBenchmark(EmbeddingWorkers workers, int readWhole) {
        this.embeddings = new EmbeddingMemo(workers);
        this.readWhole = readWhole;
    }

    public static void main(String[] args) {
        BotSource source = args.length > 0 ? BotSource.folder(Path.of(args[0])) : BotSource.shipped();
        BotFolder folder = BotFolder.read(source);
        ScreeningSets sets = ScreeningSets.read(source);
        ClassifierSettings settings = ShippedSettings.classifier().withBatchSize(1);
        try (MiniLmEncoder encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
             EmbeddingWorkers workers = new EmbeddingWorkers(encoder, settings)) {
            new ScreeningBenchmark(workers, workers.readsWholeUpTo()).run(folder, sets);
        }
    }

    private void run(BotFolder folder, ScreeningSets sets) {
        List<LabelledText> heldout = sets.heldout();
        List<String> single = new ArrayList<>();
        List<String> compound = new ArrayList<>();
        List<String> benign = new ArrayList<>();
        folder.heldout().stream().filter(t -> t.intent().equals(Intent.CRISIS)).forEach(t -> single.add(t.text()));
        for (LabelledText text : heldout) {
            boolean crisis = text.intent().equals(Intent.CRISIS);
            boolean onePart = MessageParts.of(text.text(), readWhole).size() == 1;
            (crisis ? (onePart ? single : compound) : benign).add(text.text());
        }
        List<String> others = folder.heldout().stream().filter(t -> !t.intent().equals(Intent.CRISIS))
                .map(LabelledText::text).toList();
        System.out.printf(Locale.ROOT, "held-out: %d single crisis texts, %d compound crisis texts, %d benign texts, "
                + "%d texts of other intents; parts of at most %d characters%n", single.size(), compound.size(),
                benign.size(), others.size(), readWhole);

        List<String> all = new ArrayList<>();
        for (List<String> group : List.of(single, compound, benign, others)) {
            for (String text : group) {
                all.add(text);
                all.addAll(MessageParts.of(text, readWhole));
            }
        }
        embeddings.embed(all);

        String dump = System.getProperty("screening.dump");
        if (dump != null) {
            dump(Path.of(dump), folder, sets);
            return;
        }
        folder.model().ifPresent(model -> {
            IntentHead head = model.head();
            Predicate<String> rule = text -> head.predict(text, embeddings.get(text)).equals(Intent.CRISIS);
            report("head in the folder, whole message only", rule, false, single, compound, benign, others);
            report("head in the folder, every part", rule, true, single, compound, benign, others);
        });

        float[][] x = embeddings.embed(folder.train().stream().map(LabelledText::text).toList());
        CrisisHeadTrainer.Result binary = CrisisHeadTrainer.train(folder.train(), x, sets.train(), embeddings::embed,
                readWhole, line -> { });
        CrisisHead crisisHead = binary.head();
        System.out.print(binary.report());
        System.out.printf(Locale.ROOT, "binary crisis head: %d crisis and %d other training texts, threshold %.4f%n",
                binary.crisisTexts(), binary.otherTexts(), crisisHead.threshold());
        report("binary crisis head, whole message only", byText(crisisHead::isCrisis), false, single, compound,
                benign, others);
        report("binary crisis head, every part", byText(crisisHead::isCrisis), true, single, compound, benign,
                others);
        CrisisPhrases phrases = sets.phrases();
        report("crisis phrases alone, every part", text -> phrases.findIn(text).isPresent(), true, single, compound,
                benign, others);
        report("binary crisis head or a crisis phrase, every part", text -> crisisHead.isCrisis(text, embeddings.get(text))
                || phrases.findIn(text).isPresent(), true, single, compound, benign, others);
        scores(crisisHead, single, compound, benign, others);
        folder.model().ifPresent(model -> {
            IntentHead old = model.head();
            report("crisis head or the intent head's crisis rule, every part", text -> crisisHead.isCrisis(text,
                    embeddings.get(text)) || old.predict(text, embeddings.get(text)).equals(Intent.CRISIS), true,
                    single, compound, benign, others);
        });
        for (double threshold : new double[] {0.5, 0.3, 0.2, 0.1, 0.05}) {
            report(String.format(Locale.ROOT, "binary crisis head at %.2f, every part", threshold),
                    byText(crisisHead.withThreshold(threshold)::isCrisis), true, single, compound, benign, others);
            report(String.format(Locale.ROOT, "binary crisis head at %.2f or a crisis phrase, every part", threshold),
                    text -> crisisHead.probability(text, embeddings.get(text)) >= threshold
                            || phrases.findIn(text).isPresent(), true, single, compound, benign, others);
        }

        List<String> labels = new ArrayList<>(folder.definition().intentNames().stream().map(Intent::label).toList());
        labels.add(ScreeningSets.BENIGN.label());
        List<String> texts = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < folder.train().size(); i++) {
            texts.add(folder.train().get(i).text());
            rows.add(x[i]);
            y.add(labels.indexOf(folder.train().get(i).intent().label()));
        }
        for (LabelledText text : sets.train()) {
            int label = labels.indexOf(text.intent().label());
            List<String> pieces = new ArrayList<>(List.of(text.text()));
            if (label != labels.indexOf(HeadTrainer.CRISIS)) {
                List<String> parts = MessageParts.of(text.text(), readWhole);
                pieces.addAll(parts.size() > 1 ? parts : List.of());
            }
            float[][] vectors = embeddings.embed(pieces);
            for (int i = 0; i < pieces.size(); i++) {
                texts.add(pieces.get(i));
                rows.add(vectors[i]);
                y.add(label);
            }
        }
        HeadTrainer.Result withBenign = HeadTrainer.train(labels, texts, rows.toArray(float[][]::new),
                y.stream().mapToInt(Integer::intValue).toArray(), line -> { });
        int crisis = labels.indexOf(HeadTrainer.CRISIS);
        BiPredicate<String, float[]> hardNegatives = (text, v) -> HeadTrainer.predict(HeadTrainer.probabilities(withBenign.weights(),
                withBenign.biases(), v), crisis, withBenign.crisisThreshold()) == crisis;
        System.out.printf(Locale.ROOT, "intent head with benign as a class: threshold %.4f%n",
                withBenign.crisisThreshold());
        report("intent head with benign as a class, every part", byText(hardNegatives), true, single, compound,
                benign, others);
    }

    private Predicate<String> byText(BiPredicate<String, float[]> rule) {
        return text -> rule.test(text, embeddings.get(text));
    }

    /** @param crisis whether a text (a message or one of its parts) is a crisis */
    private void report(String method, Predicate<String> crisis, boolean parts, List<String> single,
                        List<String> compound, List<String> benign, List<String> others) {
        Predicate<String> flagged = text -> crisis.test(text) || parts
                && MessageParts.of(text, readWhole).stream().anyMatch(crisis);
        long singleCaught = single.stream().filter(flagged).count();
        long compoundCaught = compound.stream().filter(flagged).count();
        long benignFlagged = benign.stream().filter(flagged).count();
        long othersFlagged = others.stream().filter(flagged).count();
        System.out.printf(Locale.ROOT, "%-50s single %d/%d, compound %d/%d caught; false alarms: benign %d/%d "
                + "(%.1f %%), other intents %d/%d%n", method, singleCaught, single.size(), compoundCaught,
                compound.size(), benignFlagged, benign.size(), 100.0 * benignFlagged / benign.size(), othersFlagged,
                others.size());
        single.stream().filter(flagged.negate()).limit(5).forEach(text -> System.out.println("    missed: "
                + LabelledText.abbreviate(text)));
        compound.stream().filter(flagged.negate()).limit(5).forEach(text -> System.out.println("    missed: "
                + LabelledText.abbreviate(text)));
        benign.stream().filter(flagged).limit(5).forEach(text -> System.out.println("    false alarm: "
                + LabelledText.abbreviate(text)));
    }

    /** How far apart the two sides are: the lowest score of a crisis part against the highest of a benign one. */
    private void scores(CrisisHead head, List<String> single, List<String> compound, List<String> benign,
                        List<String> others) {
        Map<String, Double> crisisScores = new HashMap<>();
        for (List<String> group : List.of(single, compound)) {
            for (String text : group) {
                crisisScores.put(text, best(head, text));
            }
        }
        Map<String, Double> benignScores = new HashMap<>();
        for (List<String> group : List.of(benign, others)) {
            for (String text : group) {
                benignScores.put(text, best(head, text));
            }
        }
        System.out.println("binary crisis head on held-out texts, the lowest best-part scores of crisis texts:");
        crisisScores.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(6).forEach(e -> System.out.printf(
                Locale.ROOT, "  %.4f %s%n", e.getValue(), LabelledText.abbreviate(e.getKey())));
        System.out.println("and the highest of benign and other texts:");
        benignScores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %.4f %s%n", e.getValue(),
                        LabelledText.abbreviate(e.getKey())));
    }

    private double best(CrisisHead head, String text) {
        double best = head.probability(text, embeddings.get(text));
        for (String part : MessageParts.of(text, readWhole)) {
            best = Math.max(best, head.probability(part, embeddings.get(part)));
        }
        return best;
    }

    /** Every text and part with its embedding, for exploring methods outside Java: set, label, message, part. */
    private void dump(Path file, BotFolder folder, ScreeningSets sets) {
        StringBuilder out = new StringBuilder();
        Map<String, List<LabelledText>> named = Map.of("train", folder.train(), "heldout", folder.heldout(),
                "screen-train", sets.train(), "screen-heldout", sets.heldout());
        named.forEach((name, texts) -> {
            for (int m = 0; m < texts.size(); m++) {
                String text = texts.get(m).text();
                List<String> parts = new ArrayList<>(List.of(text));
                List<String> split = MessageParts.of(text, readWhole);
                parts.addAll(split.size() > 1 ? split : List.of());
                float[][] vectors = embeddings.embed(parts);
                for (int p = 0; p < parts.size(); p++) {
                    out.append(name).append('\t').append(texts.get(m).intent()).append('\t').append(m).append('\t')
                            .append(p - 1).append('\t').append(parts.get(p).replace('\t', ' ')).append('\t');
                    for (float v : vectors[p]) {
                        out.append(v).append(' ');
                    }
                    out.append('\n');
                }
            }
        });
        try {
            java.nio.file.Files.writeString(file, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
