package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.MessageId;
import java.util.Optional;

/** A page of at most {@code limit} messages older than {@code before} (the newest ones when it is null). */
public record ReadHistoryQuery(SessionQuery session, int limit, MessageId before) {
    public ReadHistoryQuery {
        InvalidInputException.require(session != null, "A history query names a session");
        InvalidInputException.require(limit >= 1 && limit <= HistoryPage.MAX_LIMIT,
                "limit must be between 1 and " + HistoryPage.MAX_LIMIT);
    }

    public Optional<MessageId> optionalBefore() {
        return Optional.ofNullable(before);
    }
}
