package io.combot.domain.port.in;

import io.combot.domain.model.RatedReply;

/**
 * Feedback on a reply of the caller's session. Both throw {@link io.combot.domain.error.MessageNotFoundException}
 * for a message that is not in that session, and {@link io.combot.domain.error.InvalidInputException} for a user
 * message.
 */
public interface RateReplyUseCase {
    /** Stores the rating in place of any earlier one (the last one wins). */
    RatedReply rate(RateReplyCommand command);

    /** Removes the reply's rating, if it had one. */
    void removeRating(MessageQuery reply);
}
