package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Optional;

public record SessionId(String value) {
    public SessionId {
        InvalidInputException.require(Ids.isCanonical(value), "A session id is a lower-case version-4 UUID");
    }

    public static SessionId random() {
        return new SessionId(Ids.random());
    }

    /** Empty for text that cannot be a session id, so that callers can answer as for an unknown session. */
    public static Optional<SessionId> parse(String text) {
        return Ids.isCanonical(text) ? Optional.of(new SessionId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
