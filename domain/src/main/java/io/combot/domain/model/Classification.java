package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the classifier made of a text: the chosen intent, its confidence, the probability of every intent it knows,
 * and the version of the model that produced it, so that a stored intent can be traced to its model.
 */
public record Classification(Intent intent, double confidence, Map<Intent, Double> scores, String modelVersion) {
    public Classification {
        InvalidInputException.require(intent != null, "A classification needs an intent");
        InvalidInputException.require(confidence >= 0.0 && confidence <= 1.0,
                "A confidence lies between 0 and 1, not " + confidence);
        InvalidInputException.require(scores != null, "A classification needs its scores (they may be empty)");
        InvalidInputException.require(modelVersion != null && !modelVersion.isBlank(),
                "A classification names its model version");
        // In the model's order, which the API and storage keep.
        scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The same classification with its intent demoted to {@link Intent#UNKNOWN}: scores are kept for tracing. */
    public Classification asUnknown() {
        return new Classification(Intent.UNKNOWN, confidence, scores, modelVersion);
    }
}
