package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * The bot's reply: where it came from, whether it is degraded (a fallback or a cut-off stream) and what it cost; a
 * reply on the knowledge route also has the passages it read ({@code sources}, null on every other route).
 */
public record AssistantMessage(
        MessageId id,
        SessionId sessionId,
        long sequence,
        String content,
        Instant createdAt,
        Route route,
        boolean degraded,
        TokenUsage usage,
        KnowledgeSources sources) implements Message {

    public AssistantMessage {
        MessageRules.check(id, sessionId, sequence, content, createdAt);
        InvalidInputException.require(route != null, "A reply names its route");
        InvalidInputException.require(usage != null, "A reply carries its token usage (NONE when no LLM was called)");
    }

    /** A reply that read no documents. */
    public AssistantMessage(MessageId id, SessionId sessionId, long sequence, String content, Instant createdAt,
                            Route route, boolean degraded, TokenUsage usage) {
        this(id, sessionId, sequence, content, createdAt, route, degraded, usage, null);
    }

    public AssistantMessage withSources(KnowledgeSources knowledge) {
        return new AssistantMessage(id, sessionId, sequence, content, createdAt, route, degraded, usage, knowledge);
    }

    public Optional<KnowledgeSources> knowledgeSources() {
        return Optional.ofNullable(sources);
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
