package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.BotData;
import io.combot.domain.model.Intent;
import java.util.List;

/**
 * The texts that calibrate the crisis screening, in the bot folder's {@code screening/train.tsv} and
 * {@code screening/heldout.tsv}: {@code crisis<TAB>text} for a message with a crisis statement among ordinary
 * sentences, {@code benign<TAB>text} for a message that must not get the safety reply. A bot without its own files
 * gets the shipped ones, as it gets the shipped crisis examples: a team's retrain cannot drop them.
 */
record ScreeningSets(List<LabelledText> train, List<LabelledText> heldout) {
    static final Intent BENIGN = Intent.of("benign");

    ScreeningSets {
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
    }

    BotData.ScreeningTexts texts() {
        return new BotData.ScreeningTexts(train, heldout);
    }

    static ScreeningSets read(BotSource source) {
        return new ScreeningSets(file(source, BotSource.SCREENING_TRAIN), file(source, BotSource.SCREENING_HELDOUT));
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
