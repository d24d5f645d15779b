package io.combot.domain.port.out;

import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.SessionId;
import java.util.Optional;

/** A session's messages, a page at a time, newest page first. */
public interface LoadHistoryPort {
    /**
     * Up to {@code limit} messages older than {@code before} (the newest when empty), oldest first. Throws
     * {@link io.combot.domain.error.InvalidInputException} when {@code before} is no message of this session. Reads
     * never write.
     */
    HistoryPage loadHistory(SessionId sessionId, int limit, Optional<MessageId> before);
}
