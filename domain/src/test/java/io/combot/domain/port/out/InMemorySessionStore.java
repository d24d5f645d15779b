package io.combot.domain.port.out;

import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.Message;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.Label;
import io.combot.domain.model.ReviewItem;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test double of the session store's ports, {@link FeedbackStorePort} and {@link ReviewStorePort} (one store, as
 * feedback goes with its session's messages); it passes the same contracts as the real stores.
 */
public class InMemorySessionStore implements LoadSessionPort, CreateSessionPort, DeleteSessionPort, AppendTurnPort,
        LoadReplyContextPort, LoadHistoryPort, FindTurnOfMessagePort, PurgeExpiredSessionsPort, CountActiveSessionsPort,
        FeedbackStorePort, ReviewStorePort {
    private static final Comparator<Message> NEWEST_FIRST =
            Comparator.comparing(Message::createdAt).thenComparing(message -> message.id().value()).reversed();
    private static final Comparator<Label> OLDEST_FIRST =
            Comparator.comparing(Label::labelledAt).thenComparing(label -> label.messageId().value());

    private final Map<SessionId, ChatSession> sessions = new HashMap<>();
    private final Map<SessionId, List<Message>> messages = new HashMap<>();
    private final Map<MessageId, Feedback> feedback = new HashMap<>();
    private final Map<MessageId, Label> labels = new HashMap<>();
    private final Map<MessageId, RemovedLabel> removedLabels = new HashMap<>();
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

    /**
     * How many of {@code owner}'s sessions in the quota have not expired at {@code now}: the double's own, for tests
     * that check a quota; no port has it, as no service needs it.
     */
    public synchronized long countLiveSessions(OwnerId owner, Instant now) {
        return liveInQuota(owner, now).count();
    }

    @Override
    public synchronized Optional<Instant> firstExpiryInQuota(OwnerId owner, Instant now) {
        return liveInQuota(owner, now).map(ChatSession::expiresAt).min(Comparator.naturalOrder());
    }

    private Stream<ChatSession> liveInQuota(OwnerId owner, Instant now) {
        return sessions.values().stream().filter(s -> s.isOwnedBy(owner) && s.inQuota() && !s.isExpiredAt(now));
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
    public synchronized Optional<Turn> findTurnOf(MessageId messageId) {
        for (List<Message> list : messages.values()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(messageId)) {
                    int start = list.get(i) instanceof UserMessage ? i : i - 1;
                    return Optional.of(new Turn((UserMessage) list.get(start), (AssistantMessage) list.get(start + 1)));
                }
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

    @Override
    public synchronized List<ContextEntry> loadContext(SessionId sessionId, int limit) {
        InvalidInputException.require(limit >= 1, "limit must be at least 1");
        List<Message> list = messages.getOrDefault(sessionId, List.of());
        return list.subList(Math.max(0, list.size() - limit), list.size()).stream().map(ContextEntry::of).toList();
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
        List<Message> removed = messages.remove(id);
        if (removed != null) {
            removed.forEach(message -> feedback.remove(message.id()));
        }
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

    @Override
    public synchronized Optional<Feedback> saveFeedback(Feedback given) {
        if (findTurnOf(given.replyId()).isEmpty()) {
            throw new IllegalStateException("No stored message " + given.replyId());
        }
        writes++;
        return Optional.ofNullable(feedback.put(given.replyId(), given));
    }

    @Override
    public synchronized boolean deleteFeedback(MessageId replyId) {
        writes++;
        return feedback.remove(replyId) != null;
    }

    @Override
    public synchronized Map<MessageId, Feedback> findFeedback(Collection<MessageId> replyIds) {
        Map<MessageId, Feedback> found = new HashMap<>();
        replyIds.stream().filter(feedback::containsKey).forEach(id -> found.put(id, feedback.get(id)));
        return found;
    }

    @Override
    public synchronized ReviewPage loadReview(ReviewReason reason, int limit, Optional<MessageId> before) {
        InvalidInputException.require(limit >= 1 && limit <= ReviewPage.MAX_LIMIT,
                "limit must be between 1 and " + ReviewPage.MAX_LIMIT);
        Optional<UserMessage> cursor = before.map(id -> findTurnOf(id).map(Turn::userMessage)
                .filter(user -> user.id().equals(id))
                .orElseThrow(() -> new InvalidInputException("before names no user message")));
        List<ReviewItem> matching = messages.values().stream().flatMap(List::stream)
                .filter(UserMessage.class::isInstance)
                .filter(message -> cursor.isEmpty() || NEWEST_FIRST.compare(message, cursor.get()) > 0)
                .sorted(NEWEST_FIRST)
                .map(message -> item(findTurnOf(message.id()).orElseThrow()))
                .filter(item -> reason.includesLowConfidence() && item.lowConfidence()
                        || reason.includesDownRated() && item.downRated())
                .limit(limit + 1L)
                .toList();
        List<ReviewItem> page = matching.subList(0, Math.min(limit, matching.size()));
        return new ReviewPage(page, matching.size() > limit ? page.get(page.size() - 1).message().id() : null);
    }

    private ReviewItem item(Turn turn) {
        return new ReviewItem(turn.userMessage(), turn.reply().route(), feedback.get(turn.reply().id()),
                labels.get(turn.userMessage().id()));
    }

    @Override
    public synchronized void saveLabel(Label label) {
        writes++;
        labels.put(label.messageId(), label);
        removedLabels.remove(label.messageId());
    }

    @Override
    public synchronized boolean deleteLabel(MessageId messageId, Instant at) {
        writes++;
        if (labels.remove(messageId) == null) {
            return false;
        }
        removedLabels.put(messageId, new RemovedLabel(messageId, at));
        return true;
    }

    @Override
    public synchronized List<RemovedLabel> removedLabelsSince(Optional<Instant> since) {
        return removedLabels.values().stream()
                .filter(removed -> since.isEmpty() || !removed.removedAt().isBefore(since.get()))
                .sorted(Comparator.comparing(RemovedLabel::removedAt)
                        .thenComparing(removed -> removed.messageId().value()))
                .toList();
    }

    @Override
    public synchronized List<Label> labelsSince(Optional<Instant> since) {
        return labels.values().stream().filter(label -> since.isEmpty() || !label.labelledAt().isBefore(since.get()))
                .sorted(OLDEST_FIRST).toList();
    }

    /** How many write operations ran, so that tests can show that reads never write. */
    public synchronized int writeCount() {
        return writes;
    }
}
