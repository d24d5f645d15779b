package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * A page of the review inbox, newest first. {@code nextBefore} is the cursor for the page of older items, null when
 * there are none.
 */
public record ReviewPage(List<ReviewItem> items, MessageId nextBefore) {
    public static final int MAX_LIMIT = 200;

    public ReviewPage {
        InvalidInputException.require(items != null, "A page has a list of items");
        items = List.copyOf(items);
    }

    public Optional<MessageId> optionalNextBefore() {
        return Optional.ofNullable(nextBefore);
    }
}
