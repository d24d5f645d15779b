package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * findSession, findTurn, loadHistory and loadContext write nothing: no statement reaches the writer, and no connection
 * commits a change (SQLite's data_version, read from an outside connection, moves when any other connection commits
 * one).
 */
class ReadsNeverWriteTest {
    @TempDir
    Path dataDir;

    private JpaPersistence persistence;
    private JpaSessionStoreAdapter store;
    private Connection observer;

    @BeforeEach
    void open() throws SQLException {
        persistence = JpaPersistence.open(TestDatabase.SQLITE.settings(dataDir));
        // Off in production: counting costs a little on every statement.
        persistence.writerFactory().getStatistics().setStatisticsEnabled(true);
        store = persistence.sessionStore();
        observer = new SQLiteConfig().createConnection(PersistenceSettings.sqliteUrl(dataDir));
    }

    @AfterEach
    void close() throws SQLException {
        observer.close();
        persistence.close();
    }

    @Test
    void readsIssueNoStatementOnTheWriterAndCommitNoChange() throws SQLException {
        ChatSession session = newSession(new OwnerId("reader"));
        store.create(session);
        Turn first = turn(session, "first", "key-1");
        ChatSession afterFirst = session.after(first, IDLE_TIMEOUT);
        store.appendTurn(afterFirst, first);
        Turn second = turn(afterFirst, "second", null);
        store.appendTurn(afterFirst.after(second, IDLE_TIMEOUT), second);

        Statistics writer = persistence.writerFactory().getStatistics();
        long writerStatements = writer.getPrepareStatementCount();
        long writerTransactions = writer.getTransactionCount();
        long dataVersion = dataVersion();

        assertThat(store.findSession(session.id())).isPresent();
        assertThat(store.findSession(SessionId.random())).isEmpty();
        assertThat(store.findTurn(session.id(), new ClientMessageId("key-1"))).contains(first);
        assertThat(store.findTurn(session.id(), new ClientMessageId("key-2"))).isEmpty();
        HistoryPage newest = store.loadHistory(session.id(), 2, Optional.empty());
        assertThat(store.loadHistory(session.id(), 2, newest.optionalNextBefore()).items()).hasSize(2);
        assertThat(store.loadContext(session.id(), 2)).hasSize(2);
        assertThatThrownBy(() -> store.loadHistory(session.id(), 2, Optional.of(MessageId.random())))
                .isInstanceOf(InvalidInputException.class);

        assertThat(writer.getPrepareStatementCount()).isEqualTo(writerStatements);
        assertThat(writer.getTransactionCount()).isEqualTo(writerTransactions);
        assertThat(dataVersion()).isEqualTo(dataVersion);
    }

    /** The probe above can fail: a write moves data_version. */
    @Test
    void aWriteMovesTheDataVersion() throws SQLException {
        long dataVersion = dataVersion();

        store.create(newSession(new OwnerId("writer")));

        assertThat(dataVersion()).isNotEqualTo(dataVersion);
    }

    private long dataVersion() throws SQLException {
        try (Statement statement = observer.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA data_version")) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
