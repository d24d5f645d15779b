package io.combot.domain.model;

import java.util.Locale;

/**
 * Whether a newly trained model may replace the one in use: it must flag every crisis text it is evaluated on, and
 * its macro-F1 may not fall more than {@link #MAX_MACRO_F1_DROP} below the current model's on the same texts. A
 * worse model is refused unless the operator forces it.
 *
 * @param passed   the candidate may be promoted (or was forced)
 * @param reason   one line that says why, with the figures
 * @param current  the model it would replace, evaluated on the same texts; null when there is none
 */
public record PromotionGate(boolean passed, boolean forced, String reason, ModelEvaluation candidate,
                            ModelEvaluation current) {
    public static final double MAX_MACRO_F1_DROP = 0.02;

    public static PromotionGate check(ModelEvaluation candidate, ModelEvaluation current, boolean force) {
        String refusal = null;
        if (candidate.crisisMissed() > 0) {
            refusal = String.format(Locale.ROOT, "the new model misses %d of %d crisis texts (%s)",
                    candidate.crisisMissed(), candidate.crisisTexts(), candidate.basis());
        } else if (current != null && candidate.macroF1() < current.macroF1() - MAX_MACRO_F1_DROP) {
            refusal = String.format(Locale.ROOT,
                    "the new model's macro-F1 %.3f is more than %.2f below the current model's %.3f (%s, %d texts)",
                    candidate.macroF1(), MAX_MACRO_F1_DROP, current.macroF1(), candidate.basis(), candidate.texts());
        }
        if (refusal == null) {
            String against = current == null ? "no current model to compare with"
                    : String.format(Locale.ROOT, "current model %.3f", current.macroF1());
            return new PromotionGate(true, false, String.format(Locale.ROOT,
                    "passed: macro-F1 %.3f (%s, %d texts; %s), crisis %d of %d caught", candidate.macroF1(),
                    candidate.basis(), candidate.texts(), against, candidate.crisisTexts(), candidate.crisisTexts()),
                    candidate, current);
        }
        return force ? new PromotionGate(true, true, "forced: " + refusal, candidate, current)
                : new PromotionGate(false, false, "refused: " + refusal, candidate, current);
    }
}
