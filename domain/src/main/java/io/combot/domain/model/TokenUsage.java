package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/** Tokens an LLM call consumed. Replies that never reached an LLM use {@link #NONE}. */
public record TokenUsage(long promptTokens, long completionTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        InvalidInputException.require(promptTokens >= 0 && completionTokens >= 0, "Token counts are never negative");
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
