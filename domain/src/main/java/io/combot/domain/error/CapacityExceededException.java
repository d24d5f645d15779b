package io.combot.domain.error;

import java.time.Duration;

/** A bounded resource (classifier queue, LLM slots) is full; the caller should retry after the given delay. */
public final class CapacityExceededException extends CombotException {
    private final Duration retryAfter;

    public CapacityExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
