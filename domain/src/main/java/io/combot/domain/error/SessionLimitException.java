package io.combot.domain.error;

/** The caller already holds as many unexpired sessions as it may; it must end one or wait for one to expire. */
public final class SessionLimitException extends CombotException {
    public SessionLimitException(int limit) {
        super("This client already has " + limit + " unexpired sessions, the most allowed; end one (DELETE) or wait "
                + "until one expires");
    }
}
