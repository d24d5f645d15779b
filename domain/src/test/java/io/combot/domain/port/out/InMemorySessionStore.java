package io.combot.domain.port.out;

import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.Message;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.model.AssistantMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test double of {@link SessionStorePort}; it passes the same contract as the real stores. */
public class InMemorySessionStore implements SessionStorePort {
    private final Map<SessionId, ChatSession> sessions = new HashMap<>();
    private final Map<SessionId, List<Message>> messages = new HashMap<>();
    private int writes;

    @Override
    public synchronized void create(ChatSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("Session " + session.id() + " exists already");
        }
        messages.put(session.id(), new ArrayList<>());
        writes++;
    }

    @Override
    public synchronized boolean createWithinQuota(ChatSession session, long quota) {
        if (countLiveSessions(session.owner(), session.createdAt()) >= quota) {
            return false;
        }
        create(session);
        return true;
    }

    @Override
    public synchronized long countLiveSessions(OwnerId owner, Instant now) {
        return sessions.values().stream().filter(s -> s.isOwnedBy(owner) && !s.isExpiredAt(now)).count();
    }

    @Override
    public synchronized Optional<ChatSession> findSession(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public synchronized void appendTurn(ChatSession updated, Turn turn) {
        ChatSession stored = sessions.get(updated.id());
        if (stored == null) {
            throw new SessionNotFoundException();
        }
        if (stored.messageCount() != turn.userMessage().sequence()) {
            throw new ConcurrentTurnException("Session " + updated.id() + " moved on to sequence " + stored.messageCount());
        }
        List<Message> list = messages.get(updated.id());
        list.add(turn.userMessage());
        list.add(turn.reply());
        sessions.put(updated.id(), updated);
        writes++;
    }

    @Override
    public synchronized Optional<Turn> findTurn(SessionId sessionId, ClientMessageId clientMessageId) {
        List<Message> list = messages.getOrDefault(sessionId, List.of());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof UserMessage user && clientMessageId.equals(user.clientMessageId())) {
                return Optional.of(new Turn(user, (AssistantMessage) list.get(i + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized HistoryPage loadHistory(SessionId sessionId, int limit, Optional<MessageId> before) {
        List<Message> list = messages.getOrDefault(sessionId, List.of());
        int end = list.size();
        if (before.isPresent()) {
            end = indexOf(list, before.get());
        }
        int start = Math.max(0, end - limit);
        MessageId nextBefore = start > 0 ? list.get(start).id() : null;
        return new HistoryPage(list.subList(start, end), nextBefore);
    }

    private static int indexOf(List<Message> list, MessageId id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new InvalidInputException("before names no message of this session");
    }

    @Override
    public synchronized boolean delete(SessionId id) {
        messages.remove(id);
        boolean existed = sessions.remove(id) != null;
        if (existed) {
            writes++;
        }
        return existed;
    }

    @Override
    public synchronized int purgeExpired(Instant now, int batchSize) {
        List<SessionId> expired = sessions.values().stream().filter(session -> session.isExpiredAt(now))
                .sorted(java.util.Comparator.comparing(ChatSession::expiresAt)).limit(batchSize)
                .map(ChatSession::id).toList();
        expired.forEach(this::delete);
        return expired.size();
    }

    @Override
    public synchronized long countActive(Instant now) {
        return sessions.values().stream().filter(session -> !session.isExpiredAt(now)).count();
    }

    /** How many write operations ran, so that tests can show that reads never write. */
    public synchronized int writeCount() {
        return writes;
    }
}
