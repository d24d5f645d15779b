package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.MessageId;

/** Names a message of a session on behalf of the session's caller. */
public record MessageQuery(SessionQuery session, MessageId messageId) {
    public MessageQuery {
        InvalidInputException.require(session != null && messageId != null,
                "A message query names a session and a message");
    }
}
