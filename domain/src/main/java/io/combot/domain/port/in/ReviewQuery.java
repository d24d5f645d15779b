package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import java.util.Optional;

/** A page of at most {@code limit} inbox items for {@code reason}, older than {@code before} (newest when null). */
public record ReviewQuery(ReviewReason reason, int limit, MessageId before) {
    public ReviewQuery {
        InvalidInputException.require(reason != null, "A review query names a reason");
        InvalidInputException.require(limit >= 1 && limit <= ReviewPage.MAX_LIMIT,
                "limit must be between 1 and " + ReviewPage.MAX_LIMIT);
    }

    public Optional<MessageId> optionalBefore() {
        return Optional.ofNullable(before);
    }
}
