package io.combot.domain.model;

import java.util.Locale;

/**
 * Whether a newly trained model may replace the one in use: it must flag every crisis text it is evaluated on, its
 * macro-F1 may not fall more than {@link #MAX_MACRO_F1_DROP} below the current model's on the same texts, and its
 * crisis screening (held-out crisis messages, alone or among ordinary sentences, and benign messages) may neither
 * miss a crisis message the current model catches nor flag more than {@link #MAX_BENIGN_RISE} more of the benign
 * ones. A worse model is refused unless the operator forces it.
 *
 * @param passed   the candidate may be promoted (or was forced)
 * @param reason   one line that says why, with the figures
 * @param current  the model it would replace, evaluated on the same texts; null when there is none
 */
public record PromotionGate(boolean passed, boolean forced, String reason, ModelEvaluation candidate,
                            ModelEvaluation current) {
    public static final double MAX_MACRO_F1_DROP = 0.02;
    /**
     * The share of benign screening messages a new model may flag beyond the current model's. The shipped set's 160
     * benign messages share sentences, so one sentence read differently moves several of them: 5 points, not less.
     */
    public static final double MAX_BENIGN_RISE = 0.05;

    public static PromotionGate check(ModelEvaluation candidate, ModelEvaluation current, boolean force) {
        String refusal = null;
        if (candidate.crisisMissed() > 0) {
            refusal = String.format(Locale.ROOT, "the new model misses %d of %d crisis texts (%s)",
                    candidate.crisisMissed(), candidate.crisisTexts(), candidate.basis());
        } else if (current != null && candidate.macroF1() < current.macroF1() - MAX_MACRO_F1_DROP) {
            refusal = String.format(Locale.ROOT,
                    "the new model's macro-F1 %.3f is more than %.2f below the current model's %.3f (%s, %d texts)",
                    candidate.macroF1(), MAX_MACRO_F1_DROP, current.macroF1(), candidate.basis(), candidate.texts());
        } else if (current != null && candidate.screening() != null && current.screening() != null) {
            refusal = screeningRefusal(candidate.screening(), current.screening());
        }
        if (refusal == null) {
            String against = current == null ? "no current model to compare with"
                    : String.format(Locale.ROOT, "current model %.3f", current.macroF1());
            return new PromotionGate(true, false, String.format(Locale.ROOT,
                    "passed: macro-F1 %.3f (%s, %d texts; %s), crisis %d of %d caught%s", candidate.macroF1(),
                    candidate.basis(), candidate.texts(), against, candidate.crisisTexts(), candidate.crisisTexts(),
                    candidate.screening() == null ? "" : "; " + candidate.screening().describe()
                            + (current == null || current.screening() == null ? ""
                            : String.format(Locale.ROOT, " (current model %d missed, %d flagged)",
                            current.screening().crisisMissed(), current.screening().benignFlagged()))),
                    candidate, current);
        }
        return force ? new PromotionGate(true, true, "forced: " + refusal, candidate, current)
                : new PromotionGate(false, false, "refused: " + refusal, candidate, current);
    }

    private static String screeningRefusal(ScreeningEvaluation candidate, ScreeningEvaluation current) {
        if (candidate.crisisMissed() > current.crisisMissed()) {
            return String.format(Locale.ROOT, "the new model's crisis screening misses %d of %d held-out crisis "
                    + "messages where the current model misses %d", candidate.crisisMissed(), candidate.crisisTexts(),
                    current.crisisMissed());
        }
        if (candidate.benignFlaggedShare() > current.benignFlaggedShare() + MAX_BENIGN_RISE) {
            return String.format(Locale.ROOT, "the new model's crisis screening flags %d of %d benign messages "
                    + "(%.1f %%) where the current model flags %d (%.1f %%)", candidate.benignFlagged(),
                    candidate.benignTexts(), 100 * candidate.benignFlaggedShare(), current.benignFlagged(),
                    100 * current.benignFlaggedShare());
        }
        return null;
    }
}
