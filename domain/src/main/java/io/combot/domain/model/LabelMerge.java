package io.combot.domain.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a merge of labels into a bot's training set keeps ({@code bin/combot train --labels}), texts compared ignoring
 * case as train.tsv's are.
 *
 * <p>A label of a message replaces what an earlier merge wrote for that message, and a removal takes it out; an
 * example without a message (written by hand) is never taken out. Within the labels, the last line about a message is
 * its last word: an earlier one counts as a duplicate. Then, against the training set without what was taken out: a
 * label whose text the training set holds under the same intent, or that the labels give twice under one intent, is a
 * duplicate and dropped. A label is left out, with its reason, when its intent is not the bot's, its text is under
 * another intent in the training set or in the labels, or its text is held out: training on a held-out text would
 * flatter the figures the promotion gate compares.
 *
 * @param taken   the training examples an earlier merge wrote for a message relabelled or unlabelled since
 * @param removed how many of the labels' removals took an example out
 */
public record LabelMerge(String from, int read, List<LabelledText> merged, List<LabelledText> taken, int removed,
                         int duplicates, List<LeftOut> leftOut) {
    private static final int LISTED = 20;

    public record LeftOut(LabelledText label, String reason) {
    }

    public LabelMerge {
        merged = List.copyOf(merged);
        taken = List.copyOf(taken);
        leftOut = List.copyOf(leftOut);
    }

    /** Where the bot's examples are: their intents, training and held-out examples, and how to name each's place. */
    public record Bot(Set<Intent> intents, List<LabelledText> train, List<LabelledText> heldout,
                      Function<LabelledText, String> whereTrained, Function<LabelledText, String> whereHeldOut) {
        public Bot {
            intents = Set.copyOf(intents);
            train = List.copyOf(train);
            heldout = List.copyOf(heldout);
        }
    }

    public static LabelMerge of(Bot bot, Labels labels) {
        int read = labels.labels().size() + labels.removals().size();
        // The last word on each message, in the order of the lines; labels without a message stay as given.
        Map<MessageId, Integer> lastLine = new HashMap<>();
        labels.labels().forEach(label -> label.message().ifPresent(id -> lastLine.merge(id, label.line(), Math::max)));
        labels.removals().forEach(removal -> lastLine.merge(removal.message(), removal.line(), Math::max));
        Map<MessageId, List<LabelledText>> written = new HashMap<>();
        bot.train().forEach(example -> example.message()
                .ifPresent(id -> written.computeIfAbsent(id, k -> new ArrayList<>()).add(example)));

        int duplicates = read - (int) labels.labels().stream().filter(label -> label.message().isEmpty()).count()
                - lastLine.size();
        List<LabelledText> taken = new ArrayList<>();
        int removed = 0;
        List<LabelledText> given = new ArrayList<>();
        for (LabelledText label : labels.labels()) {
            Optional<MessageId> id = label.message();
            if (id.isEmpty()) {
                given.add(label);
            } else if (lastLine.get(id.get()) == label.line()) {
                List<LabelledText> earlier = written.getOrDefault(id.get(), List.of());
                if (earlier.stream().anyMatch(example -> sameExample(example, label))) {
                    duplicates++;
                } else {
                    taken.addAll(earlier);
                    given.add(label);
                }
            }
        }
        for (Labels.Removal removal : labels.removals()) {
            List<LabelledText> earlier = written.getOrDefault(removal.message(), List.of());
            if (lastLine.get(removal.message()) == removal.line() && !earlier.isEmpty()) {
                taken.addAll(earlier);
                removed++;
            }
        }

        Set<LabelledText> out = new HashSet<>(taken);
        Map<String, LabelledText> trainedAs = new HashMap<>();
        bot.train().stream().filter(example -> !out.contains(example))
                .forEach(example -> trainedAs.putIfAbsent(key(example.text()), example));
        Map<String, LabelledText> heldOut = new HashMap<>();
        bot.heldout().forEach(example -> heldOut.putIfAbsent(key(example.text()), example));

        List<LeftOut> leftOut = new ArrayList<>();
        Map<String, List<LabelledText>> candidates = new LinkedHashMap<>();
        for (LabelledText label : given) {
            String key = key(label.text());
            LabelledText already = trainedAs.get(key);
            if (!bot.intents().contains(label.intent())) {
                leftOut.add(new LeftOut(label, "intent " + label.intent() + " is not defined in bot.yaml"));
            } else if (already != null && label.intent().equals(already.intent())) {
                duplicates++;
            } else if (already != null) {
                leftOut.add(new LeftOut(label, "the text is under intent " + already.intent() + " in "
                        + bot.whereTrained().apply(already)));
            } else if (heldOut.containsKey(key)) {
                leftOut.add(new LeftOut(label, "the text is held out (" + bot.whereHeldOut().apply(heldOut.get(key))
                        + "); training on it would flatter the held-out figures"));
            } else {
                candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
            }
        }
        List<LabelledText> merged = new ArrayList<>();
        for (List<LabelledText> same : candidates.values()) {
            Set<Intent> intents = same.stream().map(LabelledText::intent)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (intents.size() == 1) {
                merged.add(same.get(0));
                duplicates += same.size() - 1;
            } else {
                String lines = same.stream().map(label -> label.intent() + " at line " + label.line())
                        .collect(Collectors.joining(", "));
                same.forEach(label -> leftOut.add(new LeftOut(label, "the labels give the text two ways: " + lines)));
            }
        }
        leftOut.sort(Comparator.comparingInt(left -> left.label().line()));
        return new LabelMerge(labels.from(), read, merged, taken, removed, duplicates, leftOut);
    }

    /** Whether the training set changes: labels merged, or earlier merges taken out. */
    public boolean changesTraining() {
        return !merged.isEmpty() || !taken.isEmpty();
    }

    /** What the console and report.txt show: the counts, then each label left out and why (the first 20). */
    public String report() {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "labels from %s: %d read, %d merged, %d dropped as duplicates, %d left out%n", from, read,
                merged.size(), duplicates, leftOut.size()));
        if (!taken.isEmpty()) {
            report.append(String.format(Locale.ROOT, "  %d examples of earlier merges taken out: %d messages "
                    + "relabelled, %d unlabelled%n", taken.size(), taken.stream().map(LabelledText::message)
                    .distinct().count() - removed, removed));
        }
        leftOut.stream().limit(LISTED).forEach(left -> report.append(String.format(Locale.ROOT,
                "  labels line %d: '%s' under %s left out: %s%n", left.label().line(),
                LabelledText.abbreviate(left.label().text()), left.label().intent(), left.reason())));
        if (leftOut.size() > LISTED) {
            report.append(String.format(Locale.ROOT, "  and %d more left out%n", leftOut.size() - LISTED));
        }
        return report.toString();
    }

    private static boolean sameExample(LabelledText example, LabelledText label) {
        return example.intent().equals(label.intent()) && key(example.text()).equals(key(label.text()));
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
