package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;

/** Names a session on behalf of a caller, who only ever sees their own sessions. */
public record SessionQuery(SessionId sessionId, OwnerId caller) {
    public SessionQuery {
        InvalidInputException.require(sessionId != null && caller != null, "A session query names a session and a caller");
    }
}
