package io.combot.adapter.out.persistence;

import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.HealthCheckPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Asks the database for {@code SELECT 1} on a reading connection, so that the check never queues behind writes. For
 * SQLite it also checks that the file and its folder (where the WAL and shared-memory files live) are writable: a
 * read-only database answers reads but fails every turn, so the service is not ready.
 */
final class JdbcDatabaseHealthCheck implements HealthCheckPort {
    static final String NAME = "database";
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Path sqliteFile;

    /** {@code sqliteFile}: the SQLite database file, or null for a database server. */
    JdbcDatabaseHealthCheck(DataSource dataSource, Path sqliteFile) {
        this.dataSource = dataSource;
        this.sqliteFile = sqliteFile;
    }

    @Override
    public ComponentHealth check() {
        if (sqliteFile != null) {
            Path folder = sqliteFile.toAbsolutePath().getParent();
            if (!Files.isWritable(sqliteFile) || !Files.isWritable(folder)) {
                return ComponentHealth.down(NAME, "the database file " + sqliteFile + " or its folder is not writable");
            }
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                if (!result.next() || result.getInt(1) != 1) {
                    return ComponentHealth.down(NAME, "SELECT 1 did not answer 1");
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return ComponentHealth.up(NAME,
                    connection.getMetaData().getDatabaseProductName() + " answered in " + millis + " ms");
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down(NAME, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
