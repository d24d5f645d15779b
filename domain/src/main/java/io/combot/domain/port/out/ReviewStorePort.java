package io.combot.domain.port.out;

import io.combot.domain.model.Label;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.ReviewReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review inbox over the stored messages, and the labels people give them. Labels are stored apart from the
 * messages, with their text, so that they outlive the session they came from.
 */
public interface ReviewStorePort {
    /**
     * Up to {@code limit} user messages that need a person for {@code reason}, newest first (by creation time, then
     * id), older than the message {@code before} when it is given. Throws
     * {@link io.combot.domain.error.InvalidInputException} when {@code before} names no stored user message.
     */
    ReviewPage loadReview(ReviewReason reason, int limit, Optional<MessageId> before);

    /** Stores {@code label} in place of any the message had, and forgets that an earlier one was removed. */
    void saveLabel(Label label);

    /**
     * Removes the message's label and remembers that it was removed, at {@code at}, so that the export can say so;
     * false (and nothing remembered) when it had none.
     */
    boolean deleteLabel(MessageId messageId, Instant at);

    /** The labels given at or after {@code since} (all when empty), oldest first (by time, then message id). */
    List<Label> labelsSince(Optional<Instant> since);

    /** The labels removed at or after {@code since} (all when empty), oldest first (by time, then message id). */
    List<RemovedLabel> removedLabelsSince(Optional<Instant> since);
}
