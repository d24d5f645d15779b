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
 * @param connectTimeout        how long a request waits for a pooled connection (HikariCP's connection timeout) before
 *                              the store gives up with a storage fault; at least 250 ms, HikariCP's floor
 * @param socketTimeout         on PostgreSQL, how long a connection waits for any answer of the server before it is
 *                              closed as broken: a frozen server or a network that drops packets sends no reset, so
 *                              without it a statement waits for the kernel (about 15 minutes); whole seconds, as the
 *                              driver takes it; zero for none. SQLite has no socket.
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, int readPoolSize, int poolSize,
                                  Duration maxConnectionLifetime, Duration busyTimeout, Duration connectTimeout,
                                  Duration socketTimeout) {
    private static final String DATABASE_FILE_NAME = "combot.db";
    /** HikariCP's floor: a shorter lifetime would be silently replaced by its default. */
    private static final Duration MIN_CONNECTION_LIFETIME = Duration.ofSeconds(30);
    /** HikariCP's floor for its connection timeout. */
    private static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);

    public PersistenceSettings {
        require(jdbcUrl != null && jdbcUrl.startsWith("jdbc:"), "jdbcUrl must be a JDBC URL (jdbc:...)");
        require(readPoolSize >= 1, "readPoolSize must be at least 1, not " + readPoolSize);
        require(poolSize >= 1, "poolSize must be at least 1, not " + poolSize);
        require(maxConnectionLifetime != null && maxConnectionLifetime.compareTo(MIN_CONNECTION_LIFETIME) >= 0,
                "maxConnectionLifetime must be at least " + MIN_CONNECTION_LIFETIME);
        require(busyTimeout != null && !busyTimeout.isNegative()
                        && busyTimeout.toMillis() <= Integer.MAX_VALUE,
                "busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        require(connectTimeout != null && connectTimeout.compareTo(MIN_CONNECT_TIMEOUT) >= 0
                        && connectTimeout.toMillis() <= Integer.MAX_VALUE,
                "connectTimeout must be between " + MIN_CONNECT_TIMEOUT.toMillis() + " and " + Integer.MAX_VALUE
                        + " ms");
        require(socketTimeout != null && !socketTimeout.isNegative() && socketTimeout.toNanos() % 1_000_000_000 == 0
                        && socketTimeout.getSeconds() <= Integer.MAX_VALUE,
                "socketTimeout must be zero (none) or whole seconds, not " + socketTimeout);
    }

    /** The URL of the SQLite database the service keeps in {@code dataDir} when no other database is named. */
    public static String sqliteUrl(Path dataDir) {
        require(dataDir != null, "dataDir must be given");
        return SqliteDataSources.URL_PREFIX + dataDir.resolve(DATABASE_FILE_NAME);
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
                + ", busyTimeout=" + busyTimeout + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
