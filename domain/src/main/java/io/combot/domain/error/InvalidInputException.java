package io.combot.domain.error;

/** Input that breaks a rule of the model; the message says which rule, precisely enough to show to a client. */
public final class InvalidInputException extends CombotException {
    public InvalidInputException(String message) {
        super(message);
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }
}
