package io.combot.adapter.out.ml;

import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelMerge;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.Labels;
import io.combot.domain.model.MessageId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labels merged into a bot folder's train.tsv ({@code bin/combot train --labels}): {@link LabelMerge} decides what is
 * kept, this writes it. The lines an earlier merge wrote for a message relabelled or unlabelled since are taken out
 * (a line written by hand names no message and is never touched); the merged labels are appended, each naming its
 * message, so that the folder holds exactly what its model was trained on.
 *
 * @param trainTsv train.tsv with the merge applied (unchanged when it changes nothing)
 */
record TrainTsvMerge(LabelMerge merge, byte[] trainTsv) {
    TrainTsvMerge {
        trainTsv = trainTsv.clone();
    }

    static TrainTsvMerge of(BotFolder folder, Labels labels) {
        Set<String> own = folder.source().read(BotSource.TRAIN)
                .map(bytes -> LabelledTexts.parse(bytes, BotSource.TRAIN).stream().map(example -> key(example.text()))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Set<String> ownHeldout = folder.source().read(BotSource.HELDOUT)
                .map(bytes -> LabelledTexts.parse(bytes, BotSource.HELDOUT).stream()
                        .map(example -> key(example.text())).collect(Collectors.toSet()))
                .orElse(Set.of());
        LabelMerge merge = LabelMerge.of(new LabelMerge.Bot(Set.copyOf(folder.definition().intentNames()),
                folder.train(), folder.heldout(),
                example -> where(BotSource.TRAIN, own, example), example -> where(BotSource.HELDOUT, ownHeldout,
                example)), labels);
        return new TrainTsvMerge(merge, written(folder, merge, labels.from()));
    }

    /** A line of the folder's file, or the shipped bot's file. */
    private static String where(String file, Set<String> own, LabelledText example) {
        return own.contains(key(example.text())) ? file + " line " + example.line() : "the shipped bot's " + file;
    }

    /**
     * train.tsv without the lines of the messages taken out, then the merged labels under a comment that says where
     * they came from. A bot whose train.tsv has no crisis example trains on the shipped ones; a crisis label of its
     * own would end that, so the shipped crisis examples are written out too.
     */
    private static byte[] written(BotFolder folder, LabelMerge merge, String name) {
        byte[] train = folder.source().read(BotSource.TRAIN).orElseThrow();
        if (!merge.changesTraining()) {
            return train;
        }
        Set<MessageId> taken = new HashSet<>();
        merge.taken().forEach(example -> example.message().ifPresent(taken::add));
        StringBuilder kept = new StringBuilder();
        String text = new String(train, StandardCharsets.UTF_8);
        for (String line : text.split("\\R", -1)) {
            boolean example = !line.isBlank() && !line.startsWith("#");
            if (!example || LabelledTexts.messageOf(line).filter(taken::contains).isEmpty()) {
                kept.append(line).append('\n');
            }
        }
        // split keeps what follows the last line break: an empty last piece is no line of the file.
        if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) {
            kept.setLength(Math.max(0, kept.length() - 1));
        }
        List<LabelledText> merged = merge.merged();
        if (merged.isEmpty()) {
            return kept.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (kept.length() > 0 && kept.charAt(kept.length() - 1) != '\n') {
            kept.append('\n');
        }
        boolean ownCrisis = LabelledTexts.parse(kept.toString().getBytes(StandardCharsets.UTF_8), BotSource.TRAIN)
                .stream().anyMatch(example -> example.intent().equals(Intent.CRISIS));
        if (!ownCrisis && merged.stream().anyMatch(label -> label.intent().equals(Intent.CRISIS))) {
            kept.append("# The shipped bot's crisis examples, which this bot trained on while train.tsv had no "
                    + "crisis example of its own\n");
            folder.train().stream().filter(example -> example.intent().equals(Intent.CRISIS))
                    .forEach(example -> kept.append(line(example)));
        }
        kept.append(String.format(Locale.ROOT, "# %d labels merged by bin/combot train --labels %s on %s%n",
                merged.size(), name, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        merged.forEach(label -> kept.append(line(label)));
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(LabelledText example) {
        return example.intent() + "\t" + example.text()
                + example.message().map(id -> Labels.MESSAGE_FIELD + id).orElse("") + "\n";
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
