package io.combot.domain.port.out;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable sessions and their messages. Reads never write. */
public interface SessionStorePort {
    void create(ChatSession session);

    /**
     * Stores {@code session} unless its owner already holds {@code quota} sessions in the quota
     * ({@link ChatSession#inQuota()}) unexpired at its start; false when refused. Counting and storing are one step for
     * every instance that shares the store, so creates running at once, here or on another instance, never take an
     * owner past its quota.
     */
    boolean createWithinQuota(ChatSession session, long quota);

    /** How many of {@code owner}'s sessions in the quota have not expired at {@code now}. */
    long countLiveSessions(OwnerId owner, Instant now);

    /** When the first of {@code owner}'s sessions in the quota unexpired at {@code now} expires; empty when none. */
    Optional<Instant> firstExpiryInQuota(OwnerId owner, Instant now);

    Optional<ChatSession> findSession(SessionId id);

    /**
     * Stores {@code turn} and {@code updated}, the session after it, in one transaction. Throws
     * {@link io.combot.domain.error.ConcurrentTurnException}, storing nothing, when the stored session no longer holds
     * exactly the messages before the turn; {@link io.combot.domain.error.SessionNotFoundException} when it is gone.
     */
    void appendTurn(ChatSession updated, Turn turn);

    /** The stored turn whose user message carries {@code clientMessageId}. */
    Optional<Turn> findTurn(SessionId sessionId, ClientMessageId clientMessageId);

    /** The turn holding the message {@code messageId} (as its user message or its reply), in whichever session. */
    Optional<Turn> findTurnOf(MessageId messageId);

    /**
     * Up to {@code limit} messages older than {@code before} (the newest when empty), oldest first. Throws
     * {@link io.combot.domain.error.InvalidInputException} when {@code before} is no message of this session.
     */
    HistoryPage loadHistory(SessionId sessionId, int limit, Optional<MessageId> before);

    /**
     * The newest {@code limit} messages of the session as a reply generator reads them, who said what, oldest first;
     * empty for a session that holds none. Reads only those two fields, so a turn's context costs less than a page
     * of history.
     */
    List<ContextEntry> loadContext(SessionId sessionId, int limit);

    /** Deletes the session with its messages and the feedback on them; false when there was none. */
    boolean delete(SessionId id);

    /**
     * Deletes up to {@code batchSize} sessions that expired at or before {@code now}, with their messages and feedback, in one
     * short write transaction, and returns how many it deleted. Purgers running at once on a shared database each
     * delete other sessions (or none), never fail for the other's work.
     */
    int purgeExpired(Instant now, int batchSize);

    /** How many sessions have not expired at {@code now}. */
    long countActive(Instant now);
}
