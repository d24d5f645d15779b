package io.combot.domain.port.out;

import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.SessionId;
import java.util.List;

/** The recent conversation a reply generator reads. */
public interface LoadReplyContextPort {
    /**
     * The newest {@code limit} messages of the session as a reply generator reads them, who said what, oldest first;
     * empty for a session that holds none. Reads only those two fields, so a turn's context costs less than a page
     * of history. Reads never write.
     */
    List<ContextEntry> loadContext(SessionId sessionId, int limit);
}
