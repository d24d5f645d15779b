package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/** What the user said, with how the classifier read it. {@code clientMessageId} is null when the client sent none. */
public record UserMessage(
        MessageId id,
        SessionId sessionId,
        long sequence,
        String content,
        Instant createdAt,
        Classification classification,
        ClientMessageId clientMessageId) implements Message {

    public UserMessage {
        MessageRules.check(id, sessionId, sequence, content, createdAt);
        InvalidInputException.require(classification != null, "A user message carries its classification");
    }

    @Override
    public Role role() {
        return Role.USER;
    }

    public Optional<ClientMessageId> optionalClientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }
}
