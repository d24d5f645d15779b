package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/** The invariants every message shares, checked once for both kinds. */
final class MessageRules {
    private MessageRules() {
    }

    static void check(MessageId id, SessionId sessionId, long sequence, String content, Instant createdAt) {
        InvalidInputException.require(id != null, "A message needs an id");
        InvalidInputException.require(sessionId != null, "A message belongs to a session");
        InvalidInputException.require(sequence >= 0, "A message sequence starts at 0");
        InvalidInputException.require(content != null && !content.isBlank(), "A message's content must not be blank");
        InvalidInputException.require(createdAt != null, "A message needs its creation time");
    }
}
