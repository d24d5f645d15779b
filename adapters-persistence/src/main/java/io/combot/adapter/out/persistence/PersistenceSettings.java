package io.combot.adapter.out.persistence;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the session store connects.
 *
 * @param jdbcUrl               the database; {@code jdbc:sqlite:<file>} gives the SQLite setup (one writer, a pool of
 *                              readers), any other URL one ordinary pool
 * @param user                  the database user; null for SQLite, which has none
 * @param password              the user's password; may be null
 * @param readPoolSize          connections that serve reads, beside SQLite's single writer
 * @param poolSize              connections of the one pool on any other database (PostgreSQL), per instance
 * @param maxConnectionLifetime how long a pooled connection lives before the pool replaces it (at least 30 s)
 * @param busyTimeout           how long SQLite waits for a lock held by another connection before it gives up
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, int readPoolSize, int poolSize,
                                  Duration maxConnectionLifetime, Duration busyTimeout) {
    public static final String DATABASE_FILE_NAME = "combot.db";
    public static final Path DEFAULT_DATA_DIR = Path.of("./data");
    public static final int DEFAULT_READ_POOL_SIZE = 4;
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_MAX_CONNECTION_LIFETIME = Duration.ofMinutes(30);
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** HikariCP's floor: a shorter lifetime would be silently replaced by its default. */
    private static final Duration MIN_CONNECTION_LIFETIME = Duration.ofSeconds(30);

    public PersistenceSettings {
        require(jdbcUrl != null && jdbcUrl.startsWith("jdbc:"), "jdbcUrl must be a JDBC URL (jdbc:...)");
        require(readPoolSize >= 1, "readPoolSize must be at least 1, not " + readPoolSize);
        require(poolSize >= 1, "poolSize must be at least 1, not " + poolSize);
        require(maxConnectionLifetime != null && maxConnectionLifetime.compareTo(MIN_CONNECTION_LIFETIME) >= 0,
                "maxConnectionLifetime must be at least " + MIN_CONNECTION_LIFETIME);
        require(busyTimeout != null && !busyTimeout.isNegative()
                        && busyTimeout.toMillis() <= Integer.MAX_VALUE,
                "busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
    }

    /** SQLite in {@code dataDir}/combot.db with the default pool, lifetime and busy timeout. */
    public static PersistenceSettings defaults(Path dataDir) {
        require(dataDir != null, "dataDir must be given");
        return new PersistenceSettings("jdbc:sqlite:" + dataDir.resolve(DATABASE_FILE_NAME), null, null,
                DEFAULT_READ_POOL_SIZE, DEFAULT_POOL_SIZE, DEFAULT_MAX_CONNECTION_LIFETIME, DEFAULT_BUSY_TIMEOUT);
    }

    boolean isSqlite() {
        return jdbcUrl.startsWith(SqliteDataSources.URL_PREFIX);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "PersistenceSettings[jdbcUrl=" + jdbcUrl + ", user=" + user
                + ", password=" + (password == null ? "null" : "***") + ", readPoolSize=" + readPoolSize
                + ", poolSize=" + poolSize + ", maxConnectionLifetime=" + maxConnectionLifetime
                + ", busyTimeout=" + busyTimeout + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
