package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

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
}
