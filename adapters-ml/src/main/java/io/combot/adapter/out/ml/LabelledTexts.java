package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.Labels;
import io.combot.domain.model.MessageId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The format of a bot's data files ({@code train.tsv}, {@code heldout.tsv}) and of labels: {@code intent<TAB>text}
 * per line, and for a label of a message, {@code intent<TAB>text<TAB># message <id>} (see {@link Labels}).
 */
final class LabelledTexts {
    private LabelledTexts() {
    }

    /** Reads a data file; {@code #} lines and blank lines are skipped, anything else must be an example. */
    static List<LabelledText> parse(byte[] bytes, String file) {
        return labels(bytes, file).labels();
    }

    /** Reads labels: examples as in a data file, and the removals ({@code # unlabelled <id>} lines) among them. */
    static Labels labels(byte[] bytes, String file) {
        List<LabelledText> examples = new ArrayList<>();
        List<Labels.Removal> removals = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(Labels.REMOVAL_LINE)) {
                int number = i + 1;
                MessageId.parse(line.substring(Labels.REMOVAL_LINE.length()).strip())
                        .ifPresent(id -> removals.add(new Labels.Removal(id, number)));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                examples.add(parseLine(line, file, i + 1));
            }
        }
        return new Labels(file, examples, removals);
    }

    /** The message a line of train.tsv or of labels names, if any. */
    static Optional<MessageId> messageOf(String line) {
        int field = line.lastIndexOf(Labels.MESSAGE_FIELD);
        return field < 0 ? Optional.empty()
                : MessageId.parse(line.substring(field + Labels.MESSAGE_FIELD.length()).strip());
    }

    private static LabelledText parseLine(String line, String file, int number) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new InvalidBotException(file + " line " + number + ": expected intent<TAB>text, found no tab in '"
                    + LabelledText.abbreviate(line) + "'");
        }
        Optional<MessageId> message = messageOf(line);
        String name = line.substring(0, tab).strip();
        String text = (message.isEmpty() ? line.substring(tab + 1)
                : line.substring(tab + 1, line.lastIndexOf(Labels.MESSAGE_FIELD))).strip();
        Intent intent;
        try {
            intent = Intent.of(name);
        } catch (InvalidInputException e) {
            throw new InvalidBotException(file + " line " + number + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new InvalidBotException(file + " line " + number + ": intent " + name + " has an empty text");
        }
        return new LabelledText(intent, text, number, message);
    }
}
