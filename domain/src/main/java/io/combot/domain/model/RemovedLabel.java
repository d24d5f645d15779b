package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/**
 * A label an admin removed, remembered so that the export can say so: a merge then takes the label out of the
 * training set it went into. Labelling the message again forgets it.
 */
public record RemovedLabel(MessageId messageId, Instant removedAt) {
    public RemovedLabel {
        InvalidInputException.require(messageId != null, "A removed label names the message it labelled");
        InvalidInputException.require(removedAt != null, "A removed label has the time it was removed");
    }
}
