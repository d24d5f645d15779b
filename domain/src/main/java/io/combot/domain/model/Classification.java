package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the classifier made of a text: the chosen intent, its confidence, the probability of every intent it knows,
 * and the version of the model that produced it, so that a stored intent can be traced to its model.
 *
 * @param crisisPart the part of a longer message whose screening made it a crisis (then {@code confidence} is that
 *                   part's crisis score and {@code scores} stay the whole message's); null when the message was not
 *                   made a crisis by one of its parts
 */
public record Classification(Intent intent, double confidence, Map<Intent, Double> scores, String modelVersion,
                             CrisisPart crisisPart) {
    public Classification {
        InvalidInputException.require(intent != null, "A classification needs an intent");
        InvalidInputException.require(confidence >= 0.0 && confidence <= 1.0,
                "A confidence lies between 0 and 1, not " + confidence);
        InvalidInputException.require(scores != null, "A classification needs its scores (they may be empty)");
        InvalidInputException.require(modelVersion != null && !modelVersion.isBlank(),
                "A classification names its model version");
        // In the model's order, which the API and storage keep.
        scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        InvalidInputException.require(crisisPart == null || Intent.CRISIS.equals(intent),
                "Only a crisis is triggered by a part of the message");
    }

    public Classification(Intent intent, double confidence, Map<Intent, Double> scores, String modelVersion) {
        this(intent, confidence, scores, modelVersion, null);
    }

    /** The whole message's classification made a crisis by one of its parts, which {@code screened} classified. */
    public Classification crisisFrom(int part, int parts, Classification screened) {
        return new Classification(Intent.CRISIS, screened.confidence(), scores, modelVersion,
                new CrisisPart(part, parts, screened.confidence()));
    }

    /** The same classification with its intent demoted to {@link Intent#UNKNOWN}: scores are kept for tracing. */
    public Classification asUnknown() {
        return new Classification(Intent.UNKNOWN, confidence, scores, modelVersion, null);
    }
}
