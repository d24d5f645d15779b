package io.combot.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/** The server setup of SQLite is really in force: on every pooled connection, and in how write transactions begin. */
class SqliteConnectionSetupTest {
    private static final int READERS = 3;
    private static final Duration BUSY_TIMEOUT = Duration.ofMillis(1234);

    @TempDir
    Path dataDir;

    private JpaPersistence persistence;

    @BeforeEach
    void open() {
        PersistenceSettings shipped = TestDatabase.SQLITE.settings(dataDir);
        persistence = JpaPersistence.open(new PersistenceSettings(shipped.jdbcUrl(), null, null, READERS,
                shipped.poolSize(), shipped.maxConnectionLifetime(), BUSY_TIMEOUT, shipped.connectTimeout(),
                shipped.socketTimeout()));
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Test
    void everyPooledConnectionHasTheServerPragmas() throws SQLException {
        List<SQLiteConnection> first = checkAllConnections();

        // Connections the pools open later, to replace retired ones, are set up the same way.
        ((HikariDataSource) persistence.pools().reader()).getHikariPoolMXBean().softEvictConnections();
        ((HikariDataSource) persistence.pools().writer()).getHikariPoolMXBean().softEvictConnections();
        List<SQLiteConnection> replacements = checkAllConnections();

        assertThat(replacements).doesNotContainAnyElementsOf(first);
    }

    /** Holds every connection of both pools at once, so that each one is a different connection, and checks it. */
    private List<SQLiteConnection> checkAllConnections() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                held.add(persistence.pools().reader().getConnection());
            }
            held.add(persistence.pools().writer().getConnection());
            List<SQLiteConnection> physical = new ArrayList<>();
            for (Connection connection : held) {
                physical.add(connection.unwrap(SQLiteConnection.class));
                assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(connection, "busy_timeout")).isEqualTo("1234");
                assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(connection, "synchronous")).as("NORMAL").isEqualTo("1");
            }
            assertThat(physical).doesNotHaveDuplicates().hasSize(READERS + 1);
            return physical;
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void readingConnectionsCannotWrite() throws SQLException {
        assertThatThrownBy(() -> execute(persistence.pools().reader(), "DELETE FROM sessions"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SQLITE_READONLY");
        assertThatCode(() -> execute(persistence.pools().writer(), "DELETE FROM sessions"))
                .doesNotThrowAnyException();
    }

    @Test
    void aWriteTransactionHoldsTheWriteLockFromItsFirstRead() {
        persistence.transactions().inWriteTransaction(session -> {
            // A deferred transaction would hold only a read lock after this.
            session.get(SessionJpaEntity.class, "no-such-session");
            assertThatThrownBy(this::beginImmediateElsewhere)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQLITE_BUSY");
            return null;
        });
    }

    /** The trap with transaction_mode=IMMEDIATE: a pooled connection left out of auto-commit would keep the lock. */
    @Test
    void theIdleWriterHoldsNoLock() {
        persistence.transactions().inWriteTransaction(session ->
                session.get(SessionJpaEntity.class, "no-such-session"));

        assertThatCode(this::beginImmediateElsewhere).doesNotThrowAnyException();
    }

    /** Another connection, outside the pools, that does not wait for locks. */
    private void beginImmediateElsewhere() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        try (Connection other = config.createConnection(PersistenceSettings.sqliteUrl(dataDir));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
