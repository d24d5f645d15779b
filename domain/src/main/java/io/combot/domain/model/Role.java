package io.combot.domain.model;

import java.util.Locale;

public enum Role {
    USER,
    ASSISTANT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
