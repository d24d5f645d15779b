package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/** A user message and the reply to it, stored together or not at all. */
public record Turn(UserMessage userMessage, AssistantMessage reply) {
    public Turn {
        InvalidInputException.require(userMessage != null && reply != null, "A turn has a user message and a reply");
        InvalidInputException.require(userMessage.sessionId().equals(reply.sessionId()),
                "A turn's messages belong to one session");
        InvalidInputException.require(reply.sequence() == userMessage.sequence() + 1,
                "A reply directly follows its user message");
    }

    public SessionId sessionId() {
        return userMessage.sessionId();
    }

    /**
     * The same two messages, ids and contents unchanged, placed from {@code sequence} on and stamped {@code at}: a
     * turn that lost its place to another one stored first goes after it, and its times follow that order.
     */
    public Turn movedTo(long sequence, Instant at) {
        UserMessage user = userMessage;
        return new Turn(
                new UserMessage(user.id(), user.sessionId(), sequence, user.content(), at, user.classification(),
                        user.clientMessageId()),
                new AssistantMessage(reply.id(), reply.sessionId(), sequence + 1, reply.content(), at, reply.route(),
                        reply.degraded(), reply.usage(), reply.sources()));
    }
}
