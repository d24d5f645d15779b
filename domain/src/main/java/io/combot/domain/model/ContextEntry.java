package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * One earlier message of a conversation as a reply generator reads it: who said it and what. Both a session's stored
 * messages and a conversation that a client sends along with its message become these.
 */
public record ContextEntry(Role role, String content) {
    public ContextEntry {
        InvalidInputException.require(role != null, "A context entry names who said it");
        InvalidInputException.require(content != null && !content.isBlank(), "A context entry has content");
    }

    public static ContextEntry of(Message message) {
        return new ContextEntry(message.role(), message.content());
    }
}
