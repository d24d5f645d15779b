package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * How a model's crisis screening did on held-out screening texts, each message screened whole and part by part as
 * the service screens it: crisis messages (alone, or among ordinary sentences) it missed, and benign messages it
 * flagged.
 */
public record ScreeningEvaluation(int crisisTexts, int crisisMissed, int benignTexts, int benignFlagged) {
    public ScreeningEvaluation {
        InvalidInputException.require(crisisTexts > 0 && benignTexts > 0,
                "a screening evaluation counts crisis and benign texts");
        InvalidInputException.require(crisisMissed >= 0 && crisisMissed <= crisisTexts,
                "missed crisis texts lie between 0 and the crisis texts");
        InvalidInputException.require(benignFlagged >= 0 && benignFlagged <= benignTexts,
                "flagged benign texts lie between 0 and the benign texts");
    }

    public double benignFlaggedShare() {
        return (double) benignFlagged / benignTexts;
    }

    public String describe() {
        return String.format(Locale.ROOT, "screening: %d of %d crisis messages caught, %d of %d benign messages "
                + "flagged (%.1f %%)", crisisTexts - crisisMissed, crisisTexts, benignFlagged, benignTexts,
                100 * benignFlaggedShare());
    }
}
