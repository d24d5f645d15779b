package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The format of a bot's data files ({@code train.tsv}, {@code heldout.tsv}): {@code intent<TAB>text} per line. */
final class LabelledTexts {
    private LabelledTexts() {
    }

    /** Reads a data file; {@code #} lines and blank lines are skipped, anything else must be an example. */
    static List<LabelledText> parse(byte[] bytes, String file) {
        List<LabelledText> examples = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            examples.add(parseLine(line, file, i + 1));
        }
        return List.copyOf(examples);
    }

    private static LabelledText parseLine(String line, String file, int number) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new InvalidBotException(file + " line " + number + ": expected intent<TAB>text, found no tab in '"
                    + LabelledText.abbreviate(line) + "'");
        }
        String name = line.substring(0, tab).strip();
        String text = line.substring(tab + 1).strip();
        Intent intent;
        try {
            intent = Intent.of(name);
        } catch (InvalidInputException e) {
            throw new InvalidBotException(file + " line " + number + ": " + e.getMessage());
        }
        if (intent.equals(Intent.UNKNOWN)) {
            throw new InvalidBotException(file + " line " + number + ": intent unknown is reserved for messages the "
                    + "classifier is unsure of and takes no examples");
        }
        if (text.isEmpty()) {
            throw new InvalidBotException(file + " line " + number + ": intent " + name + " has an empty text");
        }
        return new LabelledText(intent, text, number);
    }
}
