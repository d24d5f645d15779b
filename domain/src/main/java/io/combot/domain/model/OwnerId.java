package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/** Who a session belongs to: a client key's identity, or {@link #ANONYMOUS} when the service runs without keys. */
public record OwnerId(String value) {
    public static final OwnerId ANONYMOUS = new OwnerId("anonymous");

    public OwnerId {
        InvalidInputException.require(value != null && !value.isBlank(), "An owner id must not be blank");
        InvalidInputException.require(value.length() <= 64, "An owner id is at most 64 characters");
    }
}
