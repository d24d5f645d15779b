package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * A rating of one reply, with an optional comment; a reply has at most one, the last one given. It is user data and
 * goes with its session.
 */
public record Feedback(MessageId replyId, Rating rating, String comment, Instant ratedAt) {
    public static final int MAX_COMMENT_LENGTH = 1000;

    public Feedback {
        InvalidInputException.require(replyId != null, "Feedback names the reply it rates");
        InvalidInputException.require(rating != null, "rating must be \"up\" or \"down\", not missing");
        InvalidInputException.require(ratedAt != null, "Feedback has the time it was given");
        if (comment != null) {
            int length = comment.codePointCount(0, comment.length());
            InvalidInputException.require(length <= MAX_COMMENT_LENGTH,
                    "comment has at most " + MAX_COMMENT_LENGTH + " characters, not " + length);
            InvalidInputException.require(comment.chars().noneMatch(c -> c == 0),
                    "comment must not contain a NUL character");
            // An empty comment says nothing: stored as none, so there is one way to have no comment.
            comment = comment.isBlank() ? null : comment;
        }
    }

    public Optional<String> optionalComment() {
        return Optional.ofNullable(comment);
    }
}
