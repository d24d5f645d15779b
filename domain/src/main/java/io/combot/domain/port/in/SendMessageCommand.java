package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import java.util.Optional;

/**
 * {@code clientMessageId} is null when the client sent none; {@code clientContext} is {@link ClientContext#NONE} when
 * it sent only the message. The length limit is the service's policy, not here.
 *
 * @param bot the bot the client named to answer (the {@code /v1} model), checked against the bot the turn takes;
 *            null when it named none
 */
public record SendMessageCommand(SessionId sessionId, OwnerId caller, String content, ClientMessageId clientMessageId,
                                 ClientContext clientContext, String bot) {
    public SendMessageCommand {
        InvalidInputException.require(sessionId != null && caller != null, "A message is sent to a session by a caller");
        UserContent.check(content);
        InvalidInputException.require(clientContext != null, "The client context may be NONE but not absent");
    }

    public SendMessageCommand(SessionId sessionId, OwnerId caller, String content, ClientMessageId clientMessageId,
                              ClientContext clientContext) {
        this(sessionId, caller, content, clientMessageId, clientContext, null);
    }

    public SendMessageCommand(SessionId sessionId, OwnerId caller, String content, ClientMessageId clientMessageId) {
        this(sessionId, caller, content, clientMessageId, ClientContext.NONE);
    }

    public SessionQuery sessionQuery() {
        return new SessionQuery(sessionId, caller);
    }

    public Optional<ClientMessageId> optionalClientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }
}
