package io.combot.domain.error;

import java.time.Duration;

/**
 * The caller already holds as many unexpired sessions as it may; it must end one or wait for one to expire, which
 * frees a place after {@code retryAfter}.
 */
public final class SessionLimitException extends CombotException {
    private final Duration retryAfter;

    public SessionLimitException(int limit, Duration retryAfter) {
        super("This client already has " + limit + " unexpired sessions, the most allowed; end one (DELETE) or wait "
                + "until one expires");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
