package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/** A generator's answer. {@code complete} is false when a stream was cut off and only part of the text arrived. */
public record GeneratedReply(String text, Route route, TokenUsage usage, boolean complete) {
    public GeneratedReply {
        InvalidInputException.require(text != null && !text.isBlank(), "A generated reply has text");
        InvalidInputException.require(route == Route.LLM || route == Route.OFFLINE,
                "A generator answers on the llm or offline route, not " + route);
        InvalidInputException.require(usage != null, "A generated reply carries its token usage");
    }
}
