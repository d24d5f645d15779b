package io.combot.domain.error;

/** No message with that id is visible to the caller: it never existed, was purged, or is in another session. */
public final class MessageNotFoundException extends CombotException {
    public MessageNotFoundException() {
        super("No message with this id exists");
    }
}
