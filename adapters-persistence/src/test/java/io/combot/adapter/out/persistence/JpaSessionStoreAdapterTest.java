package io.combot.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.port.out.SessionStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JPA store on a SQLite file and on a PostgreSQL server passes the contract the in-memory double passes. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JpaSessionStoreAdapterTest extends SessionStoreContract<JpaSessionStoreAdapter> {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private JpaPersistence persistence;

    @BeforeEach
    void open() {
        persistence = JpaPersistence.open(database.settings(dataDir));
    }

    /** Null when the database was skipped (no PostgreSQL server given): nothing to close. */
    @AfterEach
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @Test
    void theWarmUpRunsATurnsWritesAndStoresNothing() throws SQLException {
        Statistics writer = persistence.writerFactory().getStatistics();
        writer.setStatisticsEnabled(true);

        persistence.warmUp();

        assertThat(writer.getEntityInsertCount()).as("a session and its two messages").isEqualTo(3);
        try (Connection connection = persistence.pools().reader().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM messages)")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Override
    protected JpaSessionStoreAdapter store() {
        return persistence.sessionStore();
    }
}
