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
    FALLBACK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
