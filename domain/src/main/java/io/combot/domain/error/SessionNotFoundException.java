package io.combot.domain.error;

/** No session with that id is visible to the caller: it never existed, was deleted, or belongs to someone else. */
public final class SessionNotFoundException extends CombotException {
    public SessionNotFoundException() {
        super("No session with this id exists");
    }
}
