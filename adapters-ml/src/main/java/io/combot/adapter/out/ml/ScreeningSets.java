package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.BotData;
import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The texts that calibrate the crisis screening, in the bot folder's {@code screening/train.tsv} and
 * {@code screening/heldout.tsv}: {@code crisis<TAB>text} for a message with a crisis statement among ordinary
 * sentences, {@code benign<TAB>text} for a message that must not get the safety reply. A bot without its own files
 * gets the shipped ones, as it gets the shipped crisis examples: a team's retrain cannot drop them. Its explicit crisis
 * phrases, {@code screening/phrases.txt} (a phrase a line, {@code #} comments), are added to the shipped ones, never
 * in place of them.
 */
record ScreeningSets(List<LabelledText> train, List<LabelledText> heldout, CrisisPhrases phrases) {
    static final Intent BENIGN = Intent.of("benign");

    ScreeningSets {
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
    }

    BotData.ScreeningTexts texts() {
        return new BotData.ScreeningTexts(train, heldout, phrases);
    }

    static ScreeningSets read(BotSource source) {
        return new ScreeningSets(file(source, BotSource.SCREENING_TRAIN), file(source, BotSource.SCREENING_HELDOUT),
                phrases(BotSource.shipped()).and(phrases(source)));
    }

    private static CrisisPhrases phrases(BotSource source) {
        String name = BotSource.SCREENING_PHRASES;
        List<String> phrases = new ArrayList<>();
        Optional<byte[]> file = source.read(name);
        String[] lines = file.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                phrases.add(new CrisisPhrases(List.of(line)).phrases().get(0));
            } catch (InvalidInputException e) {
                throw new InvalidBotException(source.describe(name) + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new CrisisPhrases(phrases);
        } catch (InvalidInputException e) {
            throw new InvalidBotException(source.describe(name) + ": " + e.getMessage(), e);
        }
    }

    private static List<LabelledText> file(BotSource source, String name) {
        BotSource from = source.read(name).isPresent() ? source : BotSource.shipped();
        List<LabelledText> texts = LabelledTexts.parse(from.read(name).orElseThrow(), from.describe(name));
        for (LabelledText text : texts) {
            if (!text.intent().equals(Intent.CRISIS) && !text.intent().equals(BENIGN)) {
                throw new InvalidBotException(from.describe(name) + " line " + text.line() + ": a screening text is "
                        + "crisis or benign, not " + text.intent());
            }
        }
        if (texts.stream().noneMatch(text -> text.intent().equals(Intent.CRISIS))
                || texts.stream().noneMatch(text -> text.intent().equals(BENIGN))) {
            throw new InvalidBotException(from.describe(name) + " needs crisis and benign texts");
        }
        return texts;
    }
}
