package io.combot.domain.model;

import java.util.Locale;
import java.util.Optional;

public enum Intent {
    GREETING,
    FAREWELL,
    THANKS,
    QUESTION,
    /** Asks what the bot can do. */
    HELP,
    COMPLAINT,
    SMALLTALK,
    /** Self-harm or an emergency. */
    CRISIS,
    /** The classifier was not confident enough to name one of the others. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Intent> fromLabel(String label) {
        for (Intent intent : values()) {
            if (intent.label().equals(label)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
