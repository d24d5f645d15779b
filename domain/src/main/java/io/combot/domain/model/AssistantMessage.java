package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/** The bot's reply: where it came from, whether it is degraded (a fallback or a cut-off stream) and what it cost. */
public record AssistantMessage(
        MessageId id,
        SessionId sessionId,
        long sequence,
        String content,
        Instant createdAt,
        Route route,
        boolean degraded,
        TokenUsage usage) implements Message {

    public AssistantMessage {
        MessageRules.check(id, sessionId, sequence, content, createdAt);
        InvalidInputException.require(route != null, "A reply names its route");
        InvalidInputException.require(usage != null, "A reply carries its token usage (NONE when no LLM was called)");
    }

    @Override
    public Role role() {
        return Role.ASSISTANT;
    }

    /** The LLM broke off while writing it, so the text is the start of a reply; a fallback is a whole reply. */
    public boolean cutOff() {
        return degraded && route == Route.LLM;
    }
}
