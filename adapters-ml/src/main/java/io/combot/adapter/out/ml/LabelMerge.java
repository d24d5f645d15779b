package io.combot.adapter.out.ml;

import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labels merged into a bot's training set ({@code bin/combot train --labels}), texts compared ignoring case as
 * train.tsv's are. A label whose text the training set holds under the same intent, or that the labels give twice
 * under one intent, is a duplicate and dropped. A label is left out, with its reason, when its intent is not the
 * bot's, its text is under another intent in the training set or in the labels, or its text is held out: training on
 * a held-out text would flatter the figures the promotion gate compares. The merged labels are appended to train.tsv,
 * so that the folder holds exactly what its model was trained on.
 *
 * @param trainTsv train.tsv with the merged labels appended (unchanged when none is merged)
 */
record LabelMerge(String name, int read, List<LabelledText> merged, int duplicates, List<LeftOut> leftOut,
                  byte[] trainTsv) {
    private static final int LISTED = 20;

    record LeftOut(LabelledText label, String reason) {
    }

    LabelMerge {
        merged = List.copyOf(merged);
        leftOut = List.copyOf(leftOut);
        trainTsv = trainTsv.clone();
    }

    static LabelMerge of(BotFolder folder, Labels export) {
        List<LabelledText> labels = export.labels();
        Set<Intent> intents = Set.copyOf(folder.definition().intentNames());
        Map<String, String> trained = origins(folder, BotSource.TRAIN, folder.train());
        Map<String, String> heldout = origins(folder, BotSource.HELDOUT, folder.heldout());
        Map<String, Intent> trainedAs = new HashMap<>();
        folder.train().forEach(example -> trainedAs.put(key(example.text()), example.intent()));

        List<LeftOut> leftOut = new ArrayList<>();
        Map<String, List<LabelledText>> candidates = new LinkedHashMap<>();
        int duplicates = 0;
        for (LabelledText label : labels) {
            String key = key(label.text());
            Intent already = trainedAs.get(key);
            if (!intents.contains(label.intent())) {
                leftOut.add(new LeftOut(label, "intent " + label.intent() + " is not defined in bot.yaml"));
            } else if (label.intent().equals(already)) {
                duplicates++;
            } else if (already != null) {
                leftOut.add(new LeftOut(label, "the text is under intent " + already + " in " + trained.get(key)));
            } else if (heldout.containsKey(key)) {
                leftOut.add(new LeftOut(label, "the text is held out (" + heldout.get(key) + "); training on it "
                        + "would flatter the held-out figures"));
            } else {
                candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
            }
        }
        List<LabelledText> merged = new ArrayList<>();
        for (List<LabelledText> same : candidates.values()) {
            Set<Intent> given = same.stream().map(LabelledText::intent)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (given.size() == 1) {
                merged.add(same.get(0));
                duplicates += same.size() - 1;
            } else {
                String lines = same.stream().map(label -> label.intent() + " at line " + label.line())
                        .collect(Collectors.joining(", "));
                same.forEach(label -> leftOut.add(new LeftOut(label, "the labels give the text two ways: " + lines)));
            }
        }
        leftOut.sort(Comparator.comparingInt(left -> left.label().line()));
        return new LabelMerge(export.from(), labels.size(), merged, duplicates, leftOut,
                appended(folder, merged, export.from()));
    }

    /** What the console and report.txt show: the counts, then each label left out and why (the first 20). */
    String report() {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "labels from %s: %d read, %d merged, %d dropped as duplicates, %d left out%n", name, read,
                merged.size(), duplicates, leftOut.size()));
        leftOut.stream().limit(LISTED).forEach(left -> report.append(String.format(Locale.ROOT,
                "  labels line %d: '%s' under %s left out: %s%n", left.label().line(),
                LabelledText.abbreviate(left.label().text()), left.label().intent(), left.reason())));
        if (leftOut.size() > LISTED) {
            report.append(String.format(Locale.ROOT, "  and %d more left out%n", leftOut.size() - LISTED));
        }
        return report.toString();
    }

    /**
     * train.tsv as it is, then the merged labels under a comment that says where they came from. A bot whose
     * train.tsv has no crisis example trains on the shipped ones; a crisis label of its own would end that, so the
     * shipped crisis examples are written out too.
     */
    private static byte[] appended(BotFolder folder, List<LabelledText> merged, String name) {
        byte[] train = folder.source().read(BotSource.TRAIN).orElseThrow();
        if (merged.isEmpty()) {
            return train;
        }
        StringBuilder added = new StringBuilder();
        if (train.length > 0 && train[train.length - 1] != '\n') {
            added.append('\n');
        }
        boolean ownCrisis = LabelledTexts.parse(train, BotSource.TRAIN).stream()
                .anyMatch(example -> example.intent().equals(Intent.CRISIS));
        if (!ownCrisis && merged.stream().anyMatch(label -> label.intent().equals(Intent.CRISIS))) {
            added.append("# The shipped bot's crisis examples, which this bot trained on while train.tsv had no "
                    + "crisis example of its own\n");
            folder.train().stream().filter(example -> example.intent().equals(Intent.CRISIS))
                    .forEach(example -> added.append(line(example)));
        }
        added.append(String.format(Locale.ROOT, "# %d labels merged by bin/combot train --labels %s on %s%n",
                merged.size(), name, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        merged.forEach(label -> added.append(line(label)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(train);
        bytes.writeBytes(added.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** Where each text of the folder's examples is, by its key: a line of the file, or the shipped bot's file. */
    private static Map<String, String> origins(BotFolder folder, String file, List<LabelledText> examples) {
        Set<String> own = folder.source().read(file)
                .map(bytes -> LabelledTexts.parse(bytes, file).stream().map(example -> key(example.text()))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Map<String, String> origins = new HashMap<>();
        examples.forEach(example -> origins.putIfAbsent(key(example.text()), own.contains(key(example.text()))
                ? file + " line " + example.line() : "the shipped bot's " + file));
        return origins;
    }

    private static String line(LabelledText example) {
        return example.intent() + "\t" + example.text() + "\n";
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
