package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * One dependency's state. {@code affectsReadiness} false marks a dependency whose failure the service works around
 * (such as the LLM, which the fallback reply covers): it is reported, but never makes the service not-ready.
 */
public record ComponentHealth(String name, boolean up, String detail, boolean affectsReadiness) {
    public ComponentHealth {
        InvalidInputException.require(name != null && !name.isBlank(), "A health check has a name");
        InvalidInputException.require(detail != null, "A health check explains its status");
    }

    public static ComponentHealth up(String name, String detail) {
        return new ComponentHealth(name, true, detail, true);
    }

    public static ComponentHealth down(String name, String detail) {
        return new ComponentHealth(name, false, detail, true);
    }

    /** A dependency the service can do without for a while: reported, never a reason to be not-ready. */
    public static ComponentHealth optional(String name, boolean up, String detail) {
        return new ComponentHealth(name, up, detail, false);
    }
}
