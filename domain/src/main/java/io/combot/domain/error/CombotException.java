package io.combot.domain.error;

/** Root of the errors the domain names; each adapter at the edge turns them into its own protocol's answer. */
public abstract class CombotException extends RuntimeException {
    protected CombotException(String message) {
        super(message);
    }

    protected CombotException(String message, Throwable cause) {
        super(message, cause);
    }
}
