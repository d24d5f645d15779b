package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a user message needs a person: the classifier was unsure of it, or its reply was rated down. */
public enum ReviewReason {
    /** Classified below the confidence threshold, so stored as {@link Intent#UNKNOWN}. */
    LOW_CONFIDENCE,
    DOWN_RATED,
    /** Either. */
    ALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includesLowConfidence() {
        return this != DOWN_RATED;
    }

    public boolean includesDownRated() {
        return this != LOW_CONFIDENCE;
    }

    public static ReviewReason parse(String text) {
        return Arrays.stream(values()).filter(reason -> reason.label().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInputException("reason must be one of "
                        + Arrays.stream(values()).map(ReviewReason::label).collect(Collectors.joining(", "))
                        + ", not '" + text + "'"));
    }
}
