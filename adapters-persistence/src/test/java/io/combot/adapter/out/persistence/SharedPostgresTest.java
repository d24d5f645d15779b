package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Message;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two persistence setups on one PostgreSQL schema, as two service instances have them: both migrate at once without
 * harm, and when both append a turn to the same session at the same sequence exactly one wins, the other gets a
 * ConcurrentTurnException (never a constraint violation), and nothing half-written stays behind; sessions created for
 * one key on both at once stop at its quota.
 */
class SharedPostgresTest {
    private static final int ROUNDS = 20;
    private static final int RACERS = 8;

    @TempDir
    Path dataDir;

    private final List<JpaPersistence> instances = new ArrayList<>();
    private PersistenceSettings settings;

    @BeforeEach
    void openTwoInstancesAtOnce() throws Exception {
        settings = TestDatabase.POSTGRESQL.settings(dataDir);
        CompletableFuture<JpaPersistence> first = CompletableFuture.supplyAsync(() -> JpaPersistence.open(settings));
        CompletableFuture<JpaPersistence> second = CompletableFuture.supplyAsync(() -> JpaPersistence.open(settings));
        instances.add(first.get(60, TimeUnit.SECONDS));
        instances.add(second.get(60, TimeUnit.SECONDS));
    }

    @AfterEach
    void close() {
        instances.forEach(JpaPersistence::close);
    }

    @Test
    void bothInstancesSeeOneDatabase() {
        ChatSession session = newSession(new OwnerId("shared"));
        instances.get(0).sessionStore().create(session);

        assertThat(instances.get(1).sessionStore().findSession(session.id())).contains(session);
        assertThat(instances.get(1).healthCheck().check().detail()).startsWith("PostgreSQL answered in");
    }

    @Test
    void onePoolOfThePoolSizeServesReadsAndWrites() {
        ConnectionPools pools = instances.get(0).pools();

        assertThat(pools.shared()).isTrue();
        assertThat(((HikariDataSource) pools.writer()).getMaximumPoolSize())
                .isEqualTo(settings.poolSize());
    }

    @Test
    void racingTurnsAtOneSequenceLetExactlyOneWinPerRound() throws Exception {
        ChatSession session = newSession(new OwnerId("race"));
        instances.get(0).sessionStore().create(session);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            ChatSession current = session;
            for (int round = 0; round < ROUNDS; round++) {
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int racer = 0; racer < RACERS; racer++) {
                    JpaSessionStoreAdapter store = instances.get(racer % 2).sessionStore();
                    Turn turn = turn(current, "round " + round + " racer " + racer, null);
                    ChatSession after = current.after(turn, IDLE_TIMEOUT);
                    racers.add(() -> appended(store, after, turn));
                }
                int winners = 0;
                for (Future<Boolean> won : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
                    winners += won.get() ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
                current = instances.get(round % 2).sessionStore().findSession(session.id()).orElseThrow();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Message> history =
                instances.get(1).sessionStore().loadHistory(session.id(), 200, Optional.empty()).items();
        assertThat(history).hasSize(2 * ROUNDS);
        assertThat(history).extracting(Message::sequence).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < history.size(); i += 2) {
            assertThat(history.get(i + 1).content()).isEqualTo("Reply to " + history.get(i).content());
        }
    }

    @Test
    void twoInstancesCreatingSessionsForOneKeyAtOnceStopAtItsQuota() throws Exception {
        int quota = 7;
        OwnerId owner = new OwnerId("quota-race");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Callable<Boolean>> creates = new ArrayList<>();
            for (int i = 0; i < 4 * RACERS; i++) {
                JpaSessionStoreAdapter store = instances.get(i % 2).sessionStore();
                creates.add(() -> store.createWithinQuota(newSession(owner), quota));
            }
            int created = 0;
            for (Future<Boolean> create : pool.invokeAll(creates, 60, TimeUnit.SECONDS)) {
                created += create.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(quota);
        } finally {
            pool.shutdownNow();
        }
        JpaSessionStoreAdapter store = instances.get(1).sessionStore();
        assertThat(store.createWithinQuota(newSession(owner), quota + 1)).as("the refused stored nothing").isTrue();
        assertThat(store.createWithinQuota(newSession(owner), quota + 1)).isFalse();
    }

    private static boolean appended(JpaSessionStoreAdapter store, ChatSession after, Turn turn) {
        try {
            store.appendTurn(after, turn);
            return true;
        } catch (ConcurrentTurnException e) {
            return false;
        }
    }
}
