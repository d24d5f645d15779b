package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Locale;

/** A person's verdict on a reply. */
public enum Rating {
    UP,
    DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code up} or {@code down}, as the API spells them. */
    public static Rating parse(String text) {
        for (Rating rating : values()) {
            if (rating.label().equals(text)) {
                return rating;
            }
        }
        throw new InvalidInputException("rating must be \"up\" or \"down\", not "
                + (text == null ? "missing" : "'" + text + "'"));
    }
}
