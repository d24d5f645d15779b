package io.combot.domain.error;

/** Another turn was stored for the same session first; the turn being written was not stored. */
public final class ConcurrentTurnException extends CombotException {
    public ConcurrentTurnException(String message) {
        super(message);
    }
}
