package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

public record ComponentHealth(String name, boolean up, String detail) {
    public ComponentHealth {
        InvalidInputException.require(name != null && !name.isBlank(), "A health check has a name");
        InvalidInputException.require(detail != null, "A health check explains its status");
    }

    public static ComponentHealth up(String name, String detail) {
        return new ComponentHealth(name, true, detail);
    }

    public static ComponentHealth down(String name, String detail) {
        return new ComponentHealth(name, false, detail);
    }
}
