package io.combot.domain.port.out;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import java.util.Optional;

/**
 * Stores a session's turns, and finds one again by the id its client gave the message, so that a retried send
 * returns the stored turn instead of storing a second one.
 */
public interface AppendTurnPort {
    /**
     * Stores {@code turn} and {@code updated}, the session after it, in one transaction. Throws
     * {@link io.combot.domain.error.ConcurrentTurnException}, storing nothing, when the stored session no longer holds
     * exactly the messages before the turn; {@link io.combot.domain.error.SessionNotFoundException} when it is gone.
     */
    void appendTurn(ChatSession updated, Turn turn);

    /** The stored turn whose user message carries {@code clientMessageId}. Reads never write. */
    Optional<Turn> findTurn(SessionId sessionId, ClientMessageId clientMessageId);
}
