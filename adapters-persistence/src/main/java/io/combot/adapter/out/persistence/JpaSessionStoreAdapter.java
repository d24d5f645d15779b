package io.combot.adapter.out.persistence;

import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Citation;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.KnowledgeSources;
import io.combot.domain.model.Message;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Role;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.out.AppendTurnPort;
import io.combot.domain.port.out.CountActiveSessionsPort;
import io.combot.domain.port.out.CreateSessionPort;
import io.combot.domain.port.out.DeleteSessionPort;
import io.combot.domain.port.out.FindTurnOfMessagePort;
import io.combot.domain.port.out.LoadHistoryPort;
import io.combot.domain.port.out.LoadReplyContextPort;
import io.combot.domain.port.out.LoadSessionPort;
import io.combot.domain.port.out.PurgeExpiredSessionsPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.StatelessSession;

/** Sessions and their messages: one adapter behind each of the session store's ports. Reads never write. */
final class JpaSessionStoreAdapter implements LoadSessionPort, CreateSessionPort, DeleteSessionPort, AppendTurnPort,
        LoadReplyContextPort, LoadHistoryPort, FindTurnOfMessagePort, PurgeExpiredSessionsPort,
        CountActiveSessionsPort {
    private final JpaTransactions transactions;
    private final SessionJpaMapper sessions;
    private final MessageJpaMapper messages;
    private final boolean postgresql;

    /**
     * {@code postgresql}: instances share the database with concurrent writers, so purgers take rows with
     * {@code FOR UPDATE SKIP LOCKED} (each takes other expired sessions) and quota checks lock their owner. SQLite has
     * one writer at a time and needs neither.
     */
    JpaSessionStoreAdapter(JpaTransactions transactions, SessionJpaMapper sessions, MessageJpaMapper messages,
                           boolean postgresql) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.messages = messages;
        this.postgresql = postgresql;
    }

    @Override
    public void create(ChatSession session) {
        SessionJpaEntity row = sessions.toEntity(session);
        transactions.inWriteTransaction(db -> db.insert(row));
    }

    /**
     * Count and insert in one write transaction. SQLite runs one writer at a time, across processes too; on PostgreSQL
     * a transaction-scoped advisory lock on the owner makes creates for one owner wait for each other, on every
     * instance, while other owners go on.
     */
    @Override
    public boolean createWithinQuota(ChatSession session, long quota) {
        SessionJpaEntity row = sessions.toEntity(session);
        return transactions.inWriteTransaction(db -> {
            if (postgresql) {
                db.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:ownerId))", Integer.class)
                        .setParameter("ownerId", row.getOwnerId())
                        .getSingleResult();
            }
            if (countLive(db, row.getOwnerId(), row.getCreatedAt()) >= quota) {
                return false;
            }
            db.insert(row);
            return true;
        });
    }

    private static long countLive(StatelessSession db, String ownerId, long nowMillis) {
        return db.createSelectionQuery("""
                        select count(s) from SessionJpaEntity s
                        where s.ownerId = :ownerId and s.expiresAt > :now and s.inQuota = true""", Long.class)
                .setParameter("ownerId", ownerId)
                .setParameter("now", nowMillis)
                .getSingleResult();
    }

    @Override
    public Optional<Instant> firstExpiryInQuota(OwnerId owner, Instant now) {
        Long first = transactions.inReadTransaction(db -> db.createSelectionQuery("""
                        select min(s.expiresAt) from SessionJpaEntity s
                        where s.ownerId = :ownerId and s.expiresAt > :now and s.inQuota = true""", Long.class)
                .setParameter("ownerId", owner.value())
                .setParameter("now", now.toEpochMilli())
                .getSingleResult());
        return Optional.ofNullable(first).map(StoredValues::instant);
    }

    @Override
    public Optional<ChatSession> findSession(SessionId id) {
        return transactions.inReadTransaction(db ->
                Optional.ofNullable(db.get(SessionJpaEntity.class, id.value())).map(sessions::toDomain));
    }

    /**
     * Moves the session with a conditional UPDATE that matches only while the stored session holds exactly the
     * messages before the turn, then inserts the two messages; any failure rolls all three back. The UPDATE is plain
     * SQL: Hibernate rebuilds the SQL of an HQL update on every execution, which cost more than running it.
     */
    @Override
    public void appendTurn(ChatSession updated, Turn turn) {
        InvalidInputException.require(updated.id().equals(turn.sessionId()), "The turn belongs to another session");
        InvalidInputException.require(updated.messageCount() == turn.reply().sequence() + 1,
                "The updated session must end with the turn's reply");
        long expectedCount = turn.userMessage().sequence();
        SessionJpaEntity next = sessions.toEntity(updated);
        MessageJpaEntity userRow = messages.toEntity(turn.userMessage());
        MessageJpaEntity replyRow = messages.toEntity(turn.reply());
        List<CitationJpaEntity> citationRows = citationRows(turn.reply());
        transactions.inWriteTransaction(db -> {
            int moved = move(db, next, expectedCount);
            if (moved == 0) {
                throw whyNotMoved(db, next.getId(), expectedCount);
            }
            db.insert(userRow);
            db.insert(replyRow);
            citationRows.forEach(db::insert);
            return moved;
        });
    }

    private static int move(StatelessSession db, SessionJpaEntity next, long expectedCount) {
        return db.createNativeMutationQuery("""
                        update sessions
                        set last_activity_at = :lastActivityAt, expires_at = :expiresAt,
                            message_count = :messageCount, prompt_tokens = :promptTokens,
                            completion_tokens = :completionTokens
                        where id = :id and message_count = :expectedCount""")
                .setParameter("lastActivityAt", next.getLastActivityAt())
                .setParameter("expiresAt", next.getExpiresAt())
                .setParameter("messageCount", next.getMessageCount())
                .setParameter("promptTokens", next.getPromptTokens())
                .setParameter("completionTokens", next.getCompletionTokens())
                .setParameter("id", next.getId())
                .setParameter("expectedCount", expectedCount)
                .executeUpdate();
    }

    /**
     * Runs a turn's statements once, storing nothing, so that the first turns after start do not pay for Hibernate
     * building their SQL (its query parser alone loads some 700 classes): a session and a turn are written and the
     * quota counted in a write transaction that is rolled back, then each read a turn makes runs for a session that
     * does not exist. Each query is built once per SessionFactory, so the reads run on the reading side, as turns do.
     */
    void warmUp(Turn sample, ChatSession sampleSession) {
        SessionJpaEntity created = sessions.toEntity(sampleSession);
        SessionJpaEntity next = sessions.toEntity(sampleSession.after(sample, Duration.ofMinutes(1)));
        MessageJpaEntity userRow = messages.toEntity(sample.userMessage());
        MessageJpaEntity replyRow = messages.toEntity(sample.reply());
        transactions.inRolledBackWriteTransaction(db -> {
            db.insert(created);
            countLive(db, created.getOwnerId(), created.getCreatedAt());
            move(db, next, sample.userMessage().sequence());
            db.insert(userRow);
            db.insert(replyRow);
        });
        SessionId none = SessionId.random();
        findSession(none);
        loadContext(none, 1);
        loadHistory(none, 1, Optional.empty());
        findTurn(none, new ClientMessageId("warm-up"));
        findTurnOf(MessageId.random());
        firstExpiryInQuota(sampleSession.owner(), sampleSession.createdAt());
    }

    private static RuntimeException whyNotMoved(StatelessSession db, String sessionId, long expectedCount) {
        SessionJpaEntity stored = db.get(SessionJpaEntity.class, sessionId);
        if (stored == null) {
            return new SessionNotFoundException();
        }
        return new ConcurrentTurnException("Session " + sessionId + " holds " + stored.getMessageCount()
                + " messages, but the turn starts at sequence " + expectedCount);
    }

    @Override
    public Optional<Turn> findTurn(SessionId sessionId, ClientMessageId clientMessageId) {
        StoredRows stored = transactions.inReadTransaction(db -> withCitations(db, db.createSelectionQuery("""
                        select m from MessageJpaEntity m, MessageJpaEntity u
                        where u.sessionId = :sessionId and u.clientMessageId = :clientMessageId
                          and m.sessionId = u.sessionId and m.sequence between u.sequence and u.sequence + 1
                        order by m.sequence""", MessageJpaEntity.class)
                .setParameter("sessionId", sessionId.value())
                .setParameter("clientMessageId", clientMessageId.value())
                .getResultList()));
        if (stored.rows().isEmpty()) {
            return Optional.empty();
        }
        if (stored.rows().size() != 2) {
            throw new IllegalStateException("Session " + sessionId + " holds a user message without its reply");
        }
        return Optional.of(new Turn(messages.toUserMessage(stored.rows().get(0)), stored.reply(1)));
    }

    /** The message, then the pair it belongs to: a user message starts its turn, a reply ends it. */
    @Override
    public Optional<Turn> findTurnOf(MessageId messageId) {
        StoredRows stored = transactions.inReadTransaction(db -> {
            MessageJpaEntity found = db.get(MessageJpaEntity.class, messageId.value());
            if (found == null) {
                return withCitations(db, List.of());
            }
            long start = Role.valueOf(found.getRole()) == Role.USER ? found.getSequence() : found.getSequence() - 1;
            return withCitations(db, db.createSelectionQuery("""
                            select m from MessageJpaEntity m
                            where m.sessionId = :sessionId and m.sequence between :start and :start + 1
                            order by m.sequence""", MessageJpaEntity.class)
                    .setParameter("sessionId", found.getSessionId())
                    .setParameter("start", start)
                    .getResultList());
        });
        if (stored.rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Turn(messages.toUserMessage(stored.rows().get(0)), stored.reply(1)));
    }

    /** Reads one row past the page, so that it knows whether older messages remain. */
    @Override
    public HistoryPage loadHistory(SessionId sessionId, int limit, Optional<MessageId> before) {
        InvalidInputException.require(limit >= 1 && limit <= HistoryPage.MAX_LIMIT,
                "limit must be between 1 and " + HistoryPage.MAX_LIMIT);
        StoredRows newestFirst = transactions.inReadTransaction(db -> {
            long end = before.isPresent() ? sequenceOf(db, sessionId, before.get()) : Long.MAX_VALUE;
            return withCitations(db, db.createSelectionQuery("""
                            select m from MessageJpaEntity m
                            where m.sessionId = :sessionId and m.sequence < :end
                            order by m.sequence desc""", MessageJpaEntity.class)
                    .setParameter("sessionId", sessionId.value())
                    .setParameter("end", end)
                    .setMaxResults(limit + 1)
                    .getResultList());
        });
        int found = newestFirst.rows().size();
        boolean olderRemain = found > limit;
        List<Message> items = new ArrayList<>(Math.min(limit, found));
        for (int i = Math.min(limit, found) - 1; i >= 0; i--) {
            items.add(Role.valueOf(newestFirst.rows().get(i).getRole()) == Role.USER
                    ? messages.toUserMessage(newestFirst.rows().get(i)) : newestFirst.reply(i));
        }
        return new HistoryPage(items, olderRemain ? items.get(0).id() : null);
    }

    /** Two columns, not whole rows: a turn's context needs no scores, ids or times. */
    @Override
    public List<ContextEntry> loadContext(SessionId sessionId, int limit) {
        InvalidInputException.require(limit >= 1, "limit must be at least 1");
        List<Object[]> newestFirst = transactions.inReadTransaction(db -> db.createSelectionQuery("""
                        select m.role, m.content from MessageJpaEntity m
                        where m.sessionId = :sessionId
                        order by m.sequence desc""", Object[].class)
                .setParameter("sessionId", sessionId.value())
                .setMaxResults(limit)
                .getResultList());
        List<ContextEntry> context = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            context.add(new ContextEntry(Role.valueOf((String) newestFirst.get(i)[0]), (String) newestFirst.get(i)[1]));
        }
        return context;
    }

    /** Message rows as read, and the citations of the knowledge replies among them by message id, in order. */
    private final class StoredRows {
        private final List<MessageJpaEntity> rows;
        private final Map<String, List<CitationJpaEntity>> citations;

        StoredRows(List<MessageJpaEntity> rows, Map<String, List<CitationJpaEntity>> citations) {
            this.rows = rows;
            this.citations = citations;
        }

        List<MessageJpaEntity> rows() {
            return rows;
        }

        AssistantMessage reply(int index) {
            MessageJpaEntity row = rows.get(index);
            AssistantMessage reply = messages.toAssistantMessage(row);
            if (row.getGrounded() == null) {
                return reply;
            }
            List<Citation> cited = citations.getOrDefault(row.getId(), List.of()).stream().map(messages::toDomain)
                    .toList();
            return reply.withSources(new KnowledgeSources(row.getGrounded(), cited));
        }
    }

    /** One more query, only when a knowledge reply is among the rows. */
    private StoredRows withCitations(StatelessSession db, List<MessageJpaEntity> rows) {
        List<String> grounded = rows.stream().filter(row -> Boolean.TRUE.equals(row.getGrounded()))
                .map(MessageJpaEntity::getId).toList();
        if (grounded.isEmpty()) {
            return new StoredRows(rows, Map.of());
        }
        Map<String, List<CitationJpaEntity>> citations = db.createSelectionQuery("""
                        select c from CitationJpaEntity c where c.messageId in :ids
                        order by c.messageId, c.ordinal""", CitationJpaEntity.class)
                .setParameter("ids", grounded)
                .getResultList().stream()
                .collect(Collectors.groupingBy(CitationJpaEntity::getMessageId));
        return new StoredRows(rows, citations);
    }

    private List<CitationJpaEntity> citationRows(AssistantMessage reply) {
        List<Citation> citations = reply.knowledgeSources().map(KnowledgeSources::citations).orElse(List.of());
        List<CitationJpaEntity> rows = new ArrayList<>(citations.size());
        for (int i = 0; i < citations.size(); i++) {
            CitationJpaEntity row = messages.toEntity(citations.get(i));
            row.setMessageId(reply.id().value());
            row.setOrdinal(i);
            rows.add(row);
        }
        return rows;
    }

    private static long sequenceOf(StatelessSession db, SessionId sessionId, MessageId messageId) {
        return db.createSelectionQuery("""
                        select m.sequence from MessageJpaEntity m
                        where m.id = :id and m.sessionId = :sessionId""", Long.class)
                .setParameter("id", messageId.value())
                .setParameter("sessionId", sessionId.value())
                .uniqueResultOptional()
                .orElseThrow(() -> new InvalidInputException("before names no message of this session"));
    }

    /** The messages and their feedback go with the session: the foreign keys cascade the delete. */
    @Override
    public boolean delete(SessionId id) {
        return transactions.inWriteTransaction(db -> db
                .createMutationQuery("delete from SessionJpaEntity s where s.id = :id")
                .setParameter("id", id.value())
                .executeUpdate() > 0);
    }

    /**
     * Picks the oldest expired ids (by the index on {@code expires_at}), then deletes those still expired; the
     * messages go by the cascading foreign key. On PostgreSQL the pick locks its rows and skips rows another purger
     * holds, so that concurrent purgers neither wait for nor repeat each other's batch.
     */
    @Override
    public int purgeExpired(Instant now, int batchSize) {
        InvalidInputException.require(batchSize >= 1, "batchSize must be at least 1");
        long nowMillis = StoredValues.epochMillis(now);
        return transactions.inWriteTransaction(db -> {
            List<String> ids = expiredIds(db, nowMillis, batchSize);
            if (ids.isEmpty()) {
                return 0;
            }
            return db.createMutationQuery(
                            "delete from SessionJpaEntity s where s.id in :ids and s.expiresAt <= :now")
                    .setParameter("ids", ids)
                    .setParameter("now", nowMillis)
                    .executeUpdate();
        });
    }

    private List<String> expiredIds(StatelessSession db, long nowMillis, int batchSize) {
        if (postgresql) {
            return db.createNativeQuery("""
                            select id from sessions where expires_at <= ?1 order by expires_at
                            limit ?2 for update skip locked""", String.class)
                    .setParameter(1, nowMillis)
                    .setParameter(2, batchSize)
                    .getResultList();
        }
        return db.createSelectionQuery(
                        "select s.id from SessionJpaEntity s where s.expiresAt <= :now order by s.expiresAt",
                        String.class)
                .setParameter("now", nowMillis)
                .setMaxResults(batchSize)
                .getResultList();
    }

    @Override
    public long countActive(Instant now) {
        return transactions.inReadTransaction(db -> db
                .createSelectionQuery("select count(s) from SessionJpaEntity s where s.expiresAt > :now", Long.class)
                .setParameter("now", StoredValues.epochMillis(now))
                .getSingleResult());
    }
}
