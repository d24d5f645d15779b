package io.combot.domain.model;

import java.util.List;

/**
 * An intent head fitted on a bot's training set, with what its fit learnt about that set.
 *
 * @param model              the head on all the training texts
 * @param crisisThreshold    the p(crisis) from which it flags a crisis
 * @param outOfFold          each training text as a head that never saw it reads it (cross-validation)
 * @param fitReport          how the fit chose its settings, for report.txt
 * @param conflicts          training texts that a head which never saw them gives confidently to another intent
 */
public record FittedHead(IntentModel model, double crisisThreshold, List<Intent> outOfFold, String fitReport,
                         String conflicts) {
    public FittedHead {
        outOfFold = List.copyOf(outOfFold);
    }

    /** The same fit with another model of it (its crisis threshold moved, say), and a line on why. */
    public FittedHead with(IntentModel other, String why) {
        return new FittedHead(other, other.decisionThreshold(), outOfFold, fitReport + why, conflicts);
    }
}
