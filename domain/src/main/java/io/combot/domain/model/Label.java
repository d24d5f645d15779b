package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/**
 * The intent a person says a user message has. It keeps its own copy of the text, because it is training data an
 * admin made and outlives the session (and message) it came from.
 */
public record Label(MessageId messageId, String text, Intent intent, Instant labelledAt) {
    public Label {
        InvalidInputException.require(messageId != null, "A label names the message it labels");
        InvalidInputException.require(text != null && !text.isBlank(), "A label keeps the message's text");
        InvalidInputException.require(intent != null, "A label names an intent");
        InvalidInputException.require(!Intent.UNKNOWN.equals(intent),
                "intent unknown is what the classifier says when it is unsure; a label names a real intent");
        InvalidInputException.require(labelledAt != null, "A label has the time it was given");
    }
}
