package io.combot.domain.error;

import java.time.Instant;

/** The session was idle past its expiry; it can no longer be used. */
public final class SessionExpiredException extends CombotException {
    private final Instant expiredAt;

    public SessionExpiredException(Instant expiredAt) {
        super("The session expired at " + expiredAt + " after being idle; start a new session");
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
