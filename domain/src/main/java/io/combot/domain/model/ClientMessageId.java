package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/** The client's own key for a message, so that a retried send is answered from storage instead of twice. */
public record ClientMessageId(String value) {
    public static final int MAX_LENGTH = 128;

    public ClientMessageId {
        InvalidInputException.require(value != null && !value.isBlank(), "clientMessageId must not be blank");
        InvalidInputException.require(value.length() <= MAX_LENGTH,
                "clientMessageId must be at most " + MAX_LENGTH + " characters");
        InvalidInputException.require(value.chars().noneMatch(Character::isISOControl),
                "clientMessageId must not contain control characters");
    }
}
