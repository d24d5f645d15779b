package io.combot.domain.error;

/** Another message to the same session is still being answered, and did not finish within the wait allowed. */
public final class SessionBusyException extends CombotException {
    public SessionBusyException() {
        super("Another message to this session is still being answered; retry when it has been");
    }
}
