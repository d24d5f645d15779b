package io.combot.domain.error;

/**
 * A bot folder that cannot be served: a file that is missing or malformed, or data that breaks a rule. The message
 * names the file and the line or key, and the bad value.
 */
public final class InvalidBotException extends CombotException {
    public InvalidBotException(String message) {
        super(message);
    }

    public InvalidBotException(String message, Throwable cause) {
        super(message, cause);
    }
}
