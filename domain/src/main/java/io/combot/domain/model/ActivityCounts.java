package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Map;

/**
 * What this instance has met since it started, as running totals: replies by route, user messages by intent
 * ({@link Intent#UNKNOWN} counting those classified below the confidence threshold) and ratings given. A reader takes
 * the difference of two readings for a window.
 */
public record ActivityCounts(Map<Route, Long> repliesByRoute, Map<Intent, Long> messagesByIntent, long ratedUp,
                             long ratedDown) {
    public static final ActivityCounts NONE = new ActivityCounts(Map.of(), Map.of(), 0, 0);

    public ActivityCounts {
        InvalidInputException.require(repliesByRoute != null && messagesByIntent != null,
                "Activity counts have their maps (they may be empty)");
        InvalidInputException.require(ratedUp >= 0 && ratedDown >= 0, "Counts are never negative");
        repliesByRoute = Map.copyOf(repliesByRoute);
        messagesByIntent = Map.copyOf(messagesByIntent);
    }

    public long messages() {
        return messagesByIntent.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lowConfidenceMessages() {
        return messagesByIntent.getOrDefault(Intent.UNKNOWN, 0L);
    }
}
