package io.combot.domain.port.in;

import io.combot.domain.model.ReviewPage;

/** The user messages that need a person; an admin's view over every session. */
public interface ReviewInboxUseCase {
    /** Never writes. */
    ReviewPage review(ReviewQuery query);
}
