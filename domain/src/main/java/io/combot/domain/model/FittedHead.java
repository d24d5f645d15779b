package io.combot.domain.model;

import java.util.List;

/**
 * An intent head fitted on a bot's training set, with what its fit learnt about that set.
 *
 * @param model              the head on all the training texts
 * @param crisisThreshold    the crisis score from which it flags a crisis
 * @param outOfFold          each training text as a head that never saw it reads it (cross-validation)
 * @param fitReport          how the fit chose its settings, for report.txt
 * @param conflicts          training texts that a head which never saw them gives confidently to another intent
 */
public record FittedHead(IntentModel model, double crisisThreshold, List<OutOfFold> outOfFold, String fitReport,
                         String conflicts) {
    /**
     * A training text read out of fold: the score the crisis decision compares with the threshold, and the intent it
     * gets when it is not a crisis. Kept apart so that the decision follows the threshold of the model finally kept.
     */
    public record OutOfFold(double crisisScore, Intent otherwise) {
    }

    public FittedHead {
        outOfFold = List.copyOf(outOfFold);
    }

    /** The intent each training text gets out of fold, crisis from {@link #crisisThreshold()}. */
    public List<Intent> outOfFoldIntents() {
        return outOfFold.stream()
                .map(text -> text.crisisScore() >= crisisThreshold ? Intent.CRISIS : text.otherwise()).toList();
    }

    /** The same fit with another model of it (its crisis threshold moved, say), and a line on why. */
    public FittedHead with(IntentModel other, String why) {
        return new FittedHead(other, other.decisionThreshold(), outOfFold, fitReport + why, conflicts);
    }
}
