package io.combot.domain.model;

import java.util.Locale;

/** The LLM circuit breaker's state, as operators read it. */
public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls are refused after repeated failures, until a pause has passed. */
    OPEN,
    /** One probe call decides whether the circuit closes again. */
    HALF_OPEN,
    /** No LLM is configured (the offline responder answers), so there is no circuit. */
    NOT_USED,
    /** The state could not be read. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
