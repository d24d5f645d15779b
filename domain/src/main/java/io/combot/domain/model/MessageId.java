package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Optional;

public record MessageId(String value) {
    public MessageId {
        InvalidInputException.require(Ids.isCanonical(value), "A message id is a lower-case version-4 UUID");
    }

    public static MessageId random() {
        return new MessageId(Ids.random());
    }

    public static Optional<MessageId> parse(String text) {
        return Ids.isCanonical(text) ? Optional.of(new MessageId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
