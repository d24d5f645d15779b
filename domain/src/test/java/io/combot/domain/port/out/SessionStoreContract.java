package io.combot.domain.port.out;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.append;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionNotFoundException;
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
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a session store does through each of its ports; each adapter and the in-memory double extend this once. The
 * application sees a store through one narrow port per use; a store implements them all over one set of sessions, so
 * the contract takes it whole ({@code S}) and checks what one port writes against what another reads.
 */
public abstract class SessionStoreContract<S extends LoadSessionPort & CreateSessionPort & DeleteSessionPort
        & AppendTurnPort & LoadReplyContextPort & LoadHistoryPort & FindTurnOfMessagePort & PurgeExpiredSessionsPort
        & CountActiveSessionsPort> {
    private static final OwnerId OWNER = new OwnerId("client-a");

    protected abstract S store();

    @Test
    void aCreatedSessionIsFoundAsItWasStored() {
        ChatSession session = newSession(OWNER);
        store().create(session);

        assertThat(store().findSession(session.id())).contains(session);
    }

    @Test
    void theQuotaCountsTheOwnersLiveSessionsOnly() {
        OwnerId other = new OwnerId("client-b");
        ChatSession first = newSession(OWNER);
        store().create(first);
        store().create(newSession(OWNER));
        store().create(newSession(other));

        assertThat(store().createWithinQuota(newSession(OWNER), 2)).as("two live sessions").isFalse();
        assertThat(store().createWithinQuota(newSession(other), 2)).as("another owner's one").isTrue();
        assertThat(store().createWithinQuota(newSession(new OwnerId("client-c")), 1)).as("none").isTrue();
        assertThat(store().createWithinQuota(ChatSession.start(OWNER, first.expiresAt(), IDLE_TIMEOUT), 1))
                .as("expired sessions do not count").isTrue();
    }

    @Test
    void aCreateWithinTheQuotaStoresAndOnePastItIsRefusedStoringNothing() {
        ChatSession first = newSession(OWNER);
        ChatSession second = newSession(OWNER);
        ChatSession third = newSession(OWNER);

        assertThat(store().createWithinQuota(first, 2)).isTrue();
        assertThat(store().createWithinQuota(second, 2)).isTrue();
        assertThat(store().createWithinQuota(third, 2)).isFalse();

        assertThat(store().findSession(third.id())).isEmpty();
        assertThat(store().createWithinQuota(newSession(new OwnerId("client-b")), 2)).as("another owner").isTrue();
        store().delete(first.id());
        assertThat(store().createWithinQuota(third, 2)).as("a freed place").isTrue();
    }

    @Test
    void sessionsOutsideTheQuotaAreNeitherCountedNorInTheWayAndKeepTheirMarkThroughATurn() {
        ChatSession outside = ChatSession.startOutsideQuota(OWNER, TestTurns.T0, IDLE_TIMEOUT);
        store().create(outside);
        assertThat(store().createWithinQuota(newSession(OWNER), 1)).as("the quota's one place is still free").isTrue();
        assertThat(store().createWithinQuota(newSession(OWNER), 1)).as("and now taken").isFalse();

        Turn turn = turn(outside, "Hello", null);
        store().appendTurn(outside.after(turn, IDLE_TIMEOUT), turn);
        ChatSession stored = store().findSession(outside.id()).orElseThrow();
        assertThat(stored.inQuota()).isFalse();
        assertThat(stored.messageCount()).isEqualTo(2);
        assertThat(store().createWithinQuota(newSession(OWNER), 2)).as("still one place taken").isTrue();
    }

    @Test
    void theFirstExpiryInTheQuotaIsTheEarliestUnexpiredSessionInIt() {
        ChatSession early = ChatSession.start(OWNER, TestTurns.T0, IDLE_TIMEOUT);
        ChatSession late = ChatSession.start(OWNER, TestTurns.T0.plusSeconds(60), IDLE_TIMEOUT);
        ChatSession outside = ChatSession.startOutsideQuota(OWNER, TestTurns.T0.minusSeconds(60),
                IDLE_TIMEOUT);
        assertThat(store().firstExpiryInQuota(OWNER, TestTurns.T0)).isEmpty();
        store().create(late);
        store().create(early);
        store().create(outside);
        store().create(ChatSession.start(new OwnerId("client-b"), TestTurns.T0.minusSeconds(30),
                IDLE_TIMEOUT));

        assertThat(store().firstExpiryInQuota(OWNER, TestTurns.T0)).contains(early.expiresAt());
        assertThat(store().firstExpiryInQuota(OWNER, early.expiresAt())).as("once the first expired")
                .contains(late.expiresAt());
        assertThat(store().firstExpiryInQuota(OWNER, late.expiresAt())).isEmpty();
    }

    @Test
    void concurrentCreatesNeverTakeAnOwnerPastItsQuota() throws Exception {
        int quota = 5;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> creates = pool.invokeAll(IntStream.range(0, 24)
                    .mapToObj(i -> (Callable<Boolean>) () -> store().createWithinQuota(newSession(OWNER), quota))
                    .toList());
            long created = 0;
            for (Future<Boolean> create : creates) {
                created += create.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(quota);
            assertThat(store().createWithinQuota(newSession(OWNER), quota + 1)).as("the refused stored nothing")
                    .isTrue();
            assertThat(store().createWithinQuota(newSession(OWNER), quota + 1)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertThat(store().findSession(SessionId.random())).isEmpty();
    }

    @Test
    void aTurnIsStoredWithTheSessionItMoved() {
        ChatSession session = newSession(OWNER);
        store().create(session);
        Turn turn = turn(session, "Where is my order? 📦 Ünïcödé", "c-1");
        ChatSession after = session.after(turn, IDLE_TIMEOUT);

        store().appendTurn(after, turn);

        assertThat(store().findSession(session.id())).contains(after);
        assertThat(store().findSession(session.id()).orElseThrow().tokenUsage()).isEqualTo(new TokenUsage(12, 7));
        HistoryPage page = store().loadHistory(session.id(), 50, Optional.empty());
        assertThat(page.items()).containsExactly(turn.userMessage(), turn.reply());
        assertThat(page.nextBefore()).isNull();
    }

    @Test
    void tokenUsageIsSummedOverTurns() {
        ChatSession session = appendTurns(newSession(OWNER), 3);

        assertThat(store().findSession(session.id()).orElseThrow().tokenUsage()).isEqualTo(new TokenUsage(36, 21));
    }

    @Test
    void historyPagesGoBackwardsOldestFirstWithinAPage() {
        ChatSession session = appendTurns(newSession(OWNER), 5);

        HistoryPage newest = store().loadHistory(session.id(), 4, Optional.empty());
        assertThat(newest.items()).extracting(Message::sequence).containsExactly(6L, 7L, 8L, 9L);
        assertThat(newest.nextBefore()).isEqualTo(newest.items().get(0).id());

        HistoryPage older = store().loadHistory(session.id(), 4, Optional.of(newest.nextBefore()));
        assertThat(older.items()).extracting(Message::sequence).containsExactly(2L, 3L, 4L, 5L);

        HistoryPage oldest = store().loadHistory(session.id(), 4, Optional.of(older.nextBefore()));
        assertThat(oldest.items()).extracting(Message::sequence).containsExactly(0L, 1L);
        assertThat(oldest.nextBefore()).isNull();
    }

    @Test
    void theContextIsTheNewestMessagesOldestFirstAsTheHistoryHoldsThem() {
        ChatSession session = appendTurns(newSession(OWNER), 5);
        ChatSession other = appendTurns(newSession(OWNER), 1);

        List<ContextEntry> context = store().loadContext(session.id(), 3);

        assertThat(context).containsExactlyElementsOf(store().loadHistory(session.id(), 3, Optional.empty()).items()
                .stream().map(ContextEntry::of).toList());
        assertThat(context).extracting(ContextEntry::role).containsExactly(Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(store().loadContext(session.id(), 50)).hasSize(10);
        assertThat(store().loadContext(other.id(), 50)).hasSize(2);
        assertThat(store().loadContext(SessionId.random(), 50)).isEmpty();
        assertThatThrownBy(() -> store().loadContext(session.id(), 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCursorFromAnotherSessionIsRejected() {
        ChatSession first = appendTurns(newSession(OWNER), 1);
        ChatSession second = appendTurns(newSession(OWNER), 1);
        MessageId foreign = store().loadHistory(first.id(), 1, Optional.empty()).items().get(0).id();

        assertThatThrownBy(() -> store().loadHistory(second.id(), 10, Optional.of(foreign)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().loadHistory(second.id(), 10, Optional.of(MessageId.random())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aKnowledgeReplyKeepsItsCitationsInOrderAndANoAnswerItsGrounding() {
        ChatSession session = newSession(OWNER);
        store().create(session);
        KnowledgeSources sources = new KnowledgeSources(true, List.of(
                new Citation("policies/returns.md", "Returns 📦", "Refunds", "https://x.test/returns",
                        "You may return any item within 30 days.", 0.0325),
                new Citation("shipping.txt", "shipping", "", null, "Parcels take two days.", 0.0161)));
        Turn cited = withReply(turn(session, "How long do refunds take?", "k-1"), sources);
        ChatSession afterCited = append(store(), session, cited);
        Turn notFound = withReply(turn(afterCited, "Who won the cup?", "k-2"), KnowledgeSources.NOT_FOUND);
        append(store(), afterCited, notFound);

        assertThat(store().loadHistory(session.id(), 50, Optional.empty()).items()).containsExactly(
                cited.userMessage(), cited.reply(), notFound.userMessage(), notFound.reply());
        assertThat(store().findTurn(session.id(), new ClientMessageId("k-1"))).contains(cited);
        assertThat(store().findTurnOf(notFound.reply().id())).contains(notFound);
        assertThat(store().loadHistory(session.id(), 1, Optional.empty()).items()).containsExactly(notFound.reply());
    }

    private static Turn withReply(Turn turn, KnowledgeSources sources) {
        return new Turn(turn.userMessage(), turn.reply().withSources(sources));
    }

    @Test
    void aTurnIsFoundByItsClientMessageId() {
        ChatSession session = newSession(OWNER);
        store().create(session);
        Turn first = turn(session, "first", "retry-key");
        ChatSession afterFirst = session.after(first, IDLE_TIMEOUT);
        store().appendTurn(afterFirst, first);
        Turn second = turn(afterFirst, "second", null);
        store().appendTurn(afterFirst.after(second, IDLE_TIMEOUT), second);

        assertThat(store().findTurn(session.id(), new ClientMessageId("retry-key"))).contains(first);
        assertThat(store().findTurn(session.id(), new ClientMessageId("other"))).isEmpty();
        assertThat(store().findTurn(SessionId.random(), new ClientMessageId("retry-key"))).isEmpty();
    }

    @Test
    void aStaleTurnIsRefusedAndStoresNothing() {
        ChatSession session = newSession(OWNER);
        store().create(session);
        Turn winner = turn(session, "winner", null);
        store().appendTurn(session.after(winner, IDLE_TIMEOUT), winner);
        Turn loser = turn(session, "loser", null);

        assertThatThrownBy(() -> store().appendTurn(session.after(loser, IDLE_TIMEOUT), loser))
                .isInstanceOf(ConcurrentTurnException.class);

        assertThat(store().loadHistory(session.id(), 50, Optional.empty()).items())
                .extracting(Message::content).containsExactly("winner", "Reply to winner");
        assertThat(store().findSession(session.id()).orElseThrow().messageCount()).isEqualTo(2);
    }

    @Test
    void aTurnForAMissingSessionIsRefused() {
        ChatSession neverStored = newSession(OWNER);
        Turn turn = turn(neverStored, "hello?", null);

        assertThatThrownBy(() -> store().appendTurn(neverStored.after(turn, IDLE_TIMEOUT), turn))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void deletingASessionDeletesItsMessages() {
        ChatSession session = appendTurns(newSession(OWNER), 2);

        assertThat(store().delete(session.id())).isTrue();

        assertThat(store().findSession(session.id())).isEmpty();
        assertThat(store().loadHistory(session.id(), 50, Optional.empty()).items()).isEmpty();
        assertThat(store().delete(session.id())).isFalse();
    }

    @Test
    void purgingDeletesExactlyTheExpiredSessionsWithTheirMessages() {
        ChatSession idle = appendTurns(newSession(OWNER), 1);
        ChatSession alsoIdle = newSession(OWNER);
        store().create(alsoIdle);
        ChatSession busy = appendTurns(newSession(OWNER), 30);
        Instant now = idle.expiresAt().plusMillis(1);
        assertThat(busy.expiresAt()).isAfter(now);
        assertThat(store().countActive(now)).isEqualTo(1);

        assertThat(store().purgeExpired(now, 100)).isEqualTo(2);

        assertThat(store().findSession(idle.id())).isEmpty();
        assertThat(store().findSession(alsoIdle.id())).isEmpty();
        assertThat(store().loadHistory(idle.id(), 50, Optional.empty()).items()).isEmpty();
        assertThat(store().findSession(busy.id())).contains(busy);
        assertThat(store().loadHistory(busy.id(), 200, Optional.empty()).items()).hasSize(60);
        assertThat(store().purgeExpired(now, 100)).isZero();
    }

    @Test
    void aSessionExpiresAtItsExpiryInstantNotBefore() {
        ChatSession session = newSession(OWNER);
        store().create(session);

        assertThat(store().purgeExpired(session.expiresAt().minusMillis(1), 10)).isZero();
        assertThat(store().countActive(session.expiresAt().minusMillis(1))).isEqualTo(1);
        assertThat(store().countActive(session.expiresAt())).isZero();
        assertThat(store().purgeExpired(session.expiresAt(), 10)).isEqualTo(1);
    }

    @Test
    void aPurgeDeletesAtMostOneBatch() {
        for (int i = 0; i < 5; i++) {
            store().create(newSession(OWNER));
        }
        Instant later = TestTurns.T0.plus(IDLE_TIMEOUT).plus(Duration.ofMinutes(1));

        assertThat(store().purgeExpired(later, 2)).isEqualTo(2);
        assertThat(store().purgeExpired(later, 2)).isEqualTo(2);
        assertThat(store().purgeExpired(later, 2)).isEqualTo(1);
        assertThat(store().purgeExpired(later, 2)).isZero();
    }

    @Test
    void concurrentPurgersShareTheWorkWithoutFailing() throws Exception {
        int sessions = 40;
        for (int i = 0; i < sessions; i++) {
            store().create(newSession(OWNER));
        }
        Instant later = TestTurns.T0.plus(IDLE_TIMEOUT).plus(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> purgers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                purgers.add(() -> {
                    int purged = 0;
                    for (int batch = store().purgeExpired(later, 3); batch > 0; batch = store().purgeExpired(later, 3)) {
                        purged += batch;
                    }
                    return purged;
                });
            }
            int total = 0;
            for (Future<Integer> purged : pool.invokeAll(purgers)) {
                total += purged.get();
            }
            assertThat(total).isEqualTo(sessions);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().countActive(TestTurns.T0)).isZero();
    }

    @Test
    void fiftyThreadsWritingFiftySessionsLoseNothing() throws Exception {
        int sessions = 50;
        int turnsEach = 10;
        List<ChatSession> created = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            ChatSession session = newSession(OWNER);
            store().create(session);
            created.add(session);
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (ChatSession session : created) {
                writers.add(() -> {
                    appendTurnsTo(session, turnsEach);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (ChatSession session : created) {
            assertThat(store().findSession(session.id()).orElseThrow().messageCount()).isEqualTo(2L * turnsEach);
            assertThat(store().loadHistory(session.id(), 200, Optional.empty()).items()).hasSize(2 * turnsEach);
        }
    }

    private ChatSession appendTurns(ChatSession session, int count) {
        store().create(session);
        return appendTurnsTo(session, count);
    }

    private ChatSession appendTurnsTo(ChatSession session, int count) {
        ChatSession current = session;
        for (int i = 0; i < count; i++) {
            Turn turn = turn(current, "message " + i, null);
            ChatSession next = current.after(turn, IDLE_TIMEOUT);
            store().appendTurn(next, turn);
            current = next;
        }
        return current;
    }

    @Test
    void aTurnIsFoundByEitherOfItsMessagesInAnySession() {
        ChatSession session = newSession(OWNER);
        store().create(session);
        Turn first = turn(session, "first", null);
        session = TestTurns.append(store(), session, first);
        Turn second = turn(session, "second", null);
        TestTurns.append(store(), session, second);

        assertThat(store().findTurnOf(second.userMessage().id())).contains(second);
        assertThat(store().findTurnOf(second.reply().id())).contains(second);
        assertThat(store().findTurnOf(first.reply().id())).contains(first);
        assertThat(store().findTurnOf(MessageId.random())).isEmpty();

        store().delete(session.id());
        assertThat(store().findTurnOf(first.userMessage().id())).as("gone with its session").isEmpty();
    }
}
