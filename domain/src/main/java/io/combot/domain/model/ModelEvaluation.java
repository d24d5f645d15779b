package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * How a classifier model did on labelled texts it was not trained on.
 *
 * @param basis        {@code heldout} (the bot's held-out set) or {@code out-of-fold} (cross-validation on its
 *                     training set, when it has no held-out set)
 * @param crisisMissed crisis texts among {@code crisisTexts} that the model did not flag
 * @param screening    how its crisis screening did on the held-out screening texts; null when not evaluated
 */
public record ModelEvaluation(String basis, int texts, double accuracy, double macroF1, int crisisTexts,
                              int crisisMissed, ScreeningEvaluation screening) {
    public static final String HELDOUT = "heldout";
    public static final String OUT_OF_FOLD = "out-of-fold";

    public ModelEvaluation {
        InvalidInputException.require(HELDOUT.equals(basis) || OUT_OF_FOLD.equals(basis),
                "an evaluation is heldout or out-of-fold, not " + basis);
        InvalidInputException.require(texts > 0, "an evaluation counts at least one text");
        InvalidInputException.require(accuracy >= 0 && accuracy <= 1 && macroF1 >= 0 && macroF1 <= 1,
                "accuracy and macro-F1 lie between 0 and 1");
        InvalidInputException.require(crisisTexts > 0,
                "an evaluation includes crisis texts, or it cannot say that none is missed");
        InvalidInputException.require(crisisMissed >= 0 && crisisMissed <= crisisTexts,
                "missed crisis texts lie between 0 and the crisis texts");
    }

    public ModelEvaluation(String basis, int texts, double accuracy, double macroF1, int crisisTexts,
                           int crisisMissed) {
        this(basis, texts, accuracy, macroF1, crisisTexts, crisisMissed, null);
    }

    public ModelEvaluation withScreening(ScreeningEvaluation figures) {
        return new ModelEvaluation(basis, texts, accuracy, macroF1, crisisTexts, crisisMissed, figures);
    }
}
