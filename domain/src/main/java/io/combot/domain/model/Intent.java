package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * What a user message is about, named by the bot that serves it (a bot's intents are data). Two names are reserved
 * because the service gives them a fixed meaning: {@link #CRISIS} always gets the safety reply, and {@link #UNKNOWN}
 * is what a message becomes when the classifier is not confident enough.
 */
public record Intent(String label) {
    public static final int MAX_LABEL_LENGTH = 64;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]+");

    /** Self-harm or an emergency. */
    public static final Intent CRISIS = new Intent("crisis");
    /** The classifier was not confident enough to name one of the bot's intents. */
    public static final Intent UNKNOWN = new Intent("unknown");

    public Intent {
        InvalidInputException.require(label != null && !label.isEmpty(), "An intent has a name");
        InvalidInputException.require(label.length() <= MAX_LABEL_LENGTH,
                "An intent name has at most " + MAX_LABEL_LENGTH + " characters, not " + label.length());
        InvalidInputException.require(LABEL.matcher(label).matches(),
                "An intent name is lowercase letters, digits and _, not '" + label + "'");
    }

    public static Intent of(String label) {
        return new Intent(label);
    }

    public boolean isReserved() {
        return equals(CRISIS) || equals(UNKNOWN);
    }

    @Override
    public String toString() {
        return label;
    }
}
