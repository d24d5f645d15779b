package io.combot.domain.error;

/** The reply generator could not answer (timeout, open circuit, error after retries); a fallback reply is due. */
public final class ReplyUnavailableException extends CombotException {
    public ReplyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
