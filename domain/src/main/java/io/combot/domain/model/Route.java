package io.combot.domain.model;

import java.util.Locale;

/** Where a reply came from. */
public enum Route {
    /** A canned reply for greeting, farewell and thanks: no LLM call. */
    FAST_PATH,
    /** The fixed safety reply for a crisis message. */
    SAFETY,
    LLM,
    /** The offline responder, used when no LLM is configured. */
    OFFLINE,
    /** The configured fallback text, because the LLM failed. */
    FALLBACK,
    /** From the bot's documents without an LLM: the best passage's sentences, or the bot's no-answer reply. */
    KNOWLEDGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
