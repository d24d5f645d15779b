package io.combot.application;

import io.combot.domain.error.UnknownBotException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.ClientContext;
import io.combot.domain.port.in.CompleteChatCommand;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.EndSessionUseCase;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.in.StartSessionUseCase;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.CurrentBotPort;
import java.util.List;

/**
 * A chat completion as a turn of a session: in the session the client continues, whose stored history is then the
 * conversation, or in a new session started for the message, with the conversation the client sent. The turn itself
 * is {@link SendMessageUseCase}'s: classified, routed and stored exactly as a message sent to the native API.
 */
public class CompleteChatService implements CompleteChatUseCase {
    private final CurrentBotPort bots;
    private final StartSessionUseCase startSession;
    private final EndSessionUseCase endSession;
    private final SendMessageUseCase sendMessage;
    private final ChatPolicy policy;

    public CompleteChatService(CurrentBotPort bots, StartSessionUseCase startSession, EndSessionUseCase endSession,
                               SendMessageUseCase sendMessage, ChatPolicy policy) {
        this.bots = bots;
        this.startSession = startSession;
        this.endSession = endSession;
        this.sendMessage = sendMessage;
        this.policy = policy;
    }

    @Override
    public String servingBot() {
        return bots.current().definition().name();
    }

    @Override
    public Turn completeChat(CompleteChatCommand command, TurnListener listener) {
        String serving = servingBot();
        if (!serving.equals(command.bot())) {
            throw new UnknownBotException(command.bot(), serving);
        }
        // Checked before a session is started for it, so that a refused message leaves no empty session behind. The
        // turn checks the bot again on the one bot it answers with: a reload between the two is refused, not mixed.
        policy.checkContent(command.content());
        if (command.continuedSession().isPresent()) {
            // The session holds the conversation: what the client resent of it is not read twice.
            ClientContext client = new ClientContext(List.of(), command.clientContext().instructions(),
                    command.clientContext().options());
            return sendMessage.sendMessage(new SendMessageCommand(command.sessionId(), command.caller(),
                    command.content(), null, client, command.bot()), listener);
        }
        // A session the client did not ask for: OpenAI clients send no session id, and each of their requests would
        // otherwise spend a place of the key's quota for an idle timeout.
        ChatSession session = startSession.startSession(new StartSessionCommand(command.caller(), false));
        try {
            return sendMessage.sendMessage(new SendMessageCommand(session.id(), command.caller(), command.content(),
                    null, command.clientContext(), command.bot()), listener);
        } catch (RuntimeException e) {
            // The session was started for this turn alone: left empty it would be a session without a turn.
            try {
                endSession.endSession(new SessionQuery(session.id(), command.caller()));
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
