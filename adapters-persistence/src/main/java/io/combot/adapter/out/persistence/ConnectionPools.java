package io.combot.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The pools behind the store. On SQLite: a writer pool of exactly one connection, because SQLite has one writer at a
 * time and a second writing connection would only wait on the lock (or fail with SQLITE_BUSY), and a read-only pool
 * whose connections read beside the writer thanks to WAL. On any other database one ordinary pool serves both.
 */
final class ConnectionPools implements AutoCloseable {
    /** A cancel is one small packet on a fresh connection. */
    private static final int CANCEL_SIGNAL_TIMEOUT_SECONDS = 2;

    private final HikariDataSource writer;
    private final HikariDataSource reader;

    private ConnectionPools(HikariDataSource writer, HikariDataSource reader) {
        this.writer = writer;
        this.reader = reader;
    }

    static ConnectionPools open(PersistenceSettings settings) {
        return open(settings, UnaryOperator.identity());
    }

    /**
     * {@code writerConnections} wraps the source of the writing connections (the one pool's on PostgreSQL): the seam
     * where tests inject faults at any statement.
     */
    static ConnectionPools open(PersistenceSettings settings, UnaryOperator<DataSource> writerConnections) {
        if (!settings.isSqlite()) {
            // PostgreSQL's driver, in seconds; the same names in the URL take precedence. A statement that timed out
            // (the health check's SELECT 1) waits for its cancel, sent on a new connection: 10 s by default on a
            // silent server, which would hold readiness down that long after the server is back.
            Properties driver = new Properties();
            driver.setProperty("socketTimeout", Long.toString(settings.socketTimeout().getSeconds()));
            driver.setProperty("cancelSignalTimeout", Long.toString(CANCEL_SIGNAL_TIMEOUT_SECONDS));
            DataSource connections = new DriverDataSource(settings.jdbcUrl(), null, driver, settings.user(),
                    settings.password());
            HikariDataSource shared = pool("combot-db", settings.poolSize(), settings,
                    writerConnections.apply(connections), false);
            return new ConnectionPools(shared, shared);
        }
        SqliteDataSources.createParentDirectory(settings.jdbcUrl());
        // The writer opens first: it creates the file and switches it to WAL before any read-only connection opens.
        HikariDataSource writer = pool("combot-sqlite-writer", 1, settings,
                writerConnections.apply(SqliteDataSources.writer(settings)), false);
        try {
            return new ConnectionPools(writer, pool("combot-sqlite-reader", settings.readPoolSize(), settings,
                    SqliteDataSources.reader(settings), true));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    DataSource writer() {
        return writer;
    }

    DataSource reader() {
        return reader;
    }

    /** Closes a connection whose state is unknown instead of returning it to the pool; call before closing it. */
    void evictWriter(Connection connection) {
        writer.evictConnection(connection);
    }

    void evictReader(Connection connection) {
        reader.evictConnection(connection);
    }

    boolean shared() {
        return writer == reader;
    }

    /** HikariCP's own meters ({@code hikaricp_connections*}, tagged by pool), registered on the running pools. */
    void trackMetrics(MeterRegistry registry) {
        MicrometerMetricsTrackerFactory tracker = new MicrometerMetricsTrackerFactory(registry);
        writer.setMetricsTrackerFactory(tracker);
        if (!shared()) {
            reader.setMetricsTrackerFactory(tracker);
        }
    }

    @Override
    public void close() {
        if (!shared()) {
            reader.close();
        }
        writer.close();
    }

    /**
     * {@code readOnly} must match how the connections were opened: HikariCP sets the flag on each connection, and
     * sqlite-jdbc refuses to change it after opening. (False for the shared pool: it writes.)
     */
    private static HikariDataSource pool(String name, int size, PersistenceSettings settings, DataSource connections,
                                         boolean readOnly) {
        HikariConfig config = config(name, size, settings);
        config.setDataSource(connections);
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    private static HikariConfig config(String name, int size, PersistenceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setMaxLifetime(settings.maxConnectionLifetime().toMillis());
        long connectMillis = settings.connectTimeout().toMillis();
        config.setConnectionTimeout(connectMillis);
        // HikariCP puts back its 5 s default when the validation timeout exceeds the connection timeout.
        config.setValidationTimeout(Math.max(250, connectMillis / 2));
        return config;
    }
}
