package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.combot.adapter.out.persistence.FaultyConnections.Fault;
import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write leaves nothing, whichever statement of it fails and however: a fault is injected at each statement
 * and at the commit of a turn and of a create in turn, until the write runs past the last one. After each fault the
 * store holds exactly what it held before, the fault is a {@link StorageUnavailableException}, and the next write is
 * itself all or nothing (a second fault in the middle of it leaves nothing either, which a connection left in
 * auto-commit would not) and then succeeds.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class WriteFaultInjectionTest {
    private static final OwnerId OWNER = new OwnerId("faults");
    /** More steps than any write here has: a write that never meets its fault has run past its last step. */
    private static final int MAX_STEPS = 10;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private final FaultyConnections connections = new FaultyConnections();
    private JpaPersistence persistence;
    private JpaSessionStoreAdapter store;

    @BeforeEach
    void open() {
        persistence = JpaPersistence.open(database.settings(dataDir), connections);
        store = persistence.sessionStore();
    }

    @AfterEach
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aTurnThatFailsAtAnyStatementLeavesNothing(Fault fault) {
        assumeTrue(applies(fault), fault + " is not how " + database + " fails");
        ChatSession session = newSession(OWNER);
        store.create(session);
        Turn first = turn(session, "first", "first");
        ChatSession stored = session.after(first, IDLE_TIMEOUT);
        store.appendTurn(stored, first);

        int faultsMet = 0;
        for (int step = 1; step <= MAX_STEPS; step++) {
            Turn next = turn(stored, "turn " + step, "key-" + step);
            ChatSession after = stored.after(next, IDLE_TIMEOUT);
            connections.arm(step, fault);
            if (!failsWith(fault, () -> store.appendTurn(after, next))) {
                break;
            }
            faultsMet++;
            assertStoreHolds(stored, next);

            // The retry meets a second fault at its first insert, then succeeds: each attempt is all or nothing.
            connections.arm(2, fault);
            assertThat(failsWith(fault, () -> store.appendTurn(after, next))).isTrue();
            assertStoreHolds(stored, next);
            store.appendTurn(after, next);
            assertThat(connections.reusedAfterFault()).as("statements on a connection after its fault").isZero();
            stored = after;
            assertThat(store.findTurn(session.id(), new ClientMessageId("key-" + step))).contains(next);
        }
        // The update, the two inserts and the commit each failed once; the first turn, each retried turn and the
        // turn that ran past its last step are stored.
        assertThat(faultsMet).isEqualTo(4);
        assertThat(store.loadHistory(session.id(), 100, Optional.empty()).items()).hasSize(2 * (faultsMet + 2));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCreateThatFailsAtAnyStatementLeavesNothing(Fault fault) {
        assumeTrue(applies(fault), fault + " is not how " + database + " fails");
        for (boolean withinQuota : new boolean[] {false, true}) {
            int faultsMet = 0;
            for (int step = 1; step <= MAX_STEPS; step++) {
                ChatSession session = newSession(OWNER);
                long before = store.countActive(session.createdAt());
                connections.arm(step, fault);
                Consumer<ChatSession> create = withinQuota ? s -> store.createWithinQuota(s, 1_000) : store::create;
                if (!failsWith(fault, () -> create.accept(session))) {
                    assertThat(store.findSession(session.id())).isPresent();
                    break;
                }
                faultsMet++;
                assertThat(store.findSession(session.id())).isEmpty();
                assertThat(store.countActive(session.createdAt())).isEqualTo(before);
                create.accept(session);
                assertThat(store.findSession(session.id())).isPresent();
                assertThat(connections.reusedAfterFault()).as("statements on a connection after its fault").isZero();
            }
            assertThat(faultsMet).as("faults met by a create (within quota: %s)", withinQuota)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private boolean applies(Fault fault) {
        return switch (fault) {
            case SQLITE_FULL_ENDS_TRANSACTION -> database == TestDatabase.SQLITE;
            case POSTGRES_DISK_FULL -> database == TestDatabase.POSTGRESQL;
            case CONNECTION_LOST -> true;
        };
    }

    /** Runs the write; true when the injected fault fired and came out as a storage fault. */
    private boolean failsWith(Fault fault, Runnable write) {
        try {
            write.run();
        } catch (StorageUnavailableException e) {
            assertThat(connections.armed()).isFalse();
            assertThat(e.kind()).isEqualTo(fault == Fault.CONNECTION_LOST
                    ? StorageUnavailableException.Kind.UNREACHABLE : StorageUnavailableException.Kind.FULL);
            assertThat(e).hasRootCauseMessage(rootMessage(e));
            return true;
        }
        assertThat(connections.armed()).as("the write ran past its last step").isTrue();
        connections.disarm();
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root.getMessage()).contains("(injected)");
        return root.getMessage();
    }

    private void assertStoreHolds(ChatSession stored, Turn notStored) {
        assertThat(store.findSession(stored.id())).contains(stored);
        assertThat(store.loadHistory(stored.id(), 100, Optional.empty()).items())
                .hasSize((int) stored.messageCount())
                .doesNotContain(notStored.userMessage(), notStored.reply());
        assertThat(store.findTurn(stored.id(), notStored.userMessage().clientMessageId())).isEmpty();
    }
}
