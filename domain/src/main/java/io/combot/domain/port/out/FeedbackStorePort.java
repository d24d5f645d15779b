package io.combot.domain.port.out;

import io.combot.domain.model.Feedback;
import io.combot.domain.model.MessageId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Ratings of replies. Feedback belongs to its reply's session: deleting or purging the session deletes it (see
 * {@link DeleteSessionPort#delete} and {@link PurgeExpiredSessionsPort#purgeExpired}).
 */
public interface FeedbackStorePort {
    /**
     * Stores {@code feedback} in place of any the reply had, and returns what it replaced. The reply must be a stored
     * message: the caller checks that it is a reply.
     */
    Optional<Feedback> saveFeedback(Feedback feedback);

    /** Removes the reply's feedback; false when it had none. */
    boolean deleteFeedback(MessageId replyId);

    /** The feedback on those of {@code replyIds} that have some. */
    Map<MessageId, Feedback> findFeedback(Collection<MessageId> replyIds);
}
