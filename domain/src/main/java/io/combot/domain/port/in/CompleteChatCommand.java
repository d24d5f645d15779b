package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import java.util.Optional;

/**
 * A conversation's next message, as chat-completion clients send it: to the bot named {@code bot}, in the session
 * {@code sessionId} when the client continues one (null: a new session for this message), with the conversation
 * the client holds in {@code clientContext}. In a continued session the stored history is the conversation, and the
 * earlier messages the client resent are not read again.
 */
public record CompleteChatCommand(OwnerId caller, String bot, SessionId sessionId, String content,
                                  ClientContext clientContext) {
    public CompleteChatCommand {
        InvalidInputException.require(caller != null, "A chat is completed for a caller");
        InvalidInputException.require(bot != null && !bot.isBlank(), "The bot to answer is named");
        UserContent.check(content);
        InvalidInputException.require(clientContext != null, "The client context may be NONE but not absent");
    }

    public Optional<SessionId> continuedSession() {
        return Optional.ofNullable(sessionId);
    }
}
