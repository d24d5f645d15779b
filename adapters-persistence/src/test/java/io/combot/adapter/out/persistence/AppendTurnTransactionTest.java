package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.util.Optional;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A turn is stored whole, in one transaction of three statements, or not at all, on each database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AppendTurnTransactionTest {
    private static final OwnerId OWNER = new OwnerId("tx");

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private JpaPersistence persistence;
    private JpaSessionStoreAdapter store;
    private ChatSession session;
    private Turn first;
    private ChatSession afterFirst;

    @BeforeEach
    void openWithOneTurn() {
        persistence = JpaPersistence.open(database.settings(dataDir));
        // Off in production: counting costs a little on every statement.
        persistence.writerFactory().getStatistics().setStatisticsEnabled(true);
        store = persistence.sessionStore();
        session = newSession(OWNER);
        store.create(session);
        first = turn(session, "first", "key-1");
        afterFirst = session.after(first, IDLE_TIMEOUT);
        store.appendTurn(afterFirst, first);
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Test
    void aTurnIsOneTransactionOfOneUpdateAndTwoInserts() {
        Statistics writer = persistence.writerFactory().getStatistics();
        long transactions = writer.getTransactionCount();
        long statements = writer.getPrepareStatementCount();
        long inserts = writer.getEntityInsertCount();
        Turn second = turn(afterFirst, "second", null);

        store.appendTurn(afterFirst.after(second, IDLE_TIMEOUT), second);

        assertThat(writer.getTransactionCount() - transactions).isEqualTo(1);
        assertThat(writer.getEntityInsertCount() - inserts).isEqualTo(2);
        assertThat(writer.getPrepareStatementCount() - statements).isEqualTo(3);
    }

    @Test
    void aTurnWhoseSecondInsertFailsLeavesNoMessageAndAnUnmovedSession() {
        Turn valid = turn(afterFirst, "second", null);
        AssistantMessage reply = valid.reply();
        // The reply reuses the id of a stored message: the session update and the first insert succeed, this one not.
        Turn clashing = new Turn(valid.userMessage(), new AssistantMessage(first.userMessage().id(), reply.sessionId(),
                reply.sequence(), reply.content(), reply.createdAt(), reply.route(), reply.degraded(), reply.usage()));

        assertThatThrownBy(() -> store.appendTurn(afterFirst.after(clashing, IDLE_TIMEOUT), clashing))
                .isInstanceOf(PersistenceException.class);

        assertThat(store.findSession(session.id())).contains(afterFirst);
        assertThat(store.loadHistory(session.id(), 50, Optional.empty()).items())
                .containsExactly(first.userMessage(), first.reply());
        // The store is still usable, and the same turn with fresh ids is accepted.
        store.appendTurn(afterFirst.after(valid, IDLE_TIMEOUT), valid);
        assertThat(store.findSession(session.id()).orElseThrow().messageCount()).isEqualTo(4);
    }

    @Test
    void aReusedClientMessageIdStoresNothing() {
        Turn reused = turn(afterFirst, "again", "key-1");

        assertThatThrownBy(() -> store.appendTurn(afterFirst.after(reused, IDLE_TIMEOUT), reused))
                .isInstanceOf(PersistenceException.class);

        assertThat(store.findSession(session.id())).contains(afterFirst);
        assertThat(store.loadHistory(session.id(), 50, Optional.empty()).items()).hasSize(2);
    }
}
