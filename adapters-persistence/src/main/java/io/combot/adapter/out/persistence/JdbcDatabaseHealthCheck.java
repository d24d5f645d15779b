package io.combot.adapter.out.persistence;

import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.HealthCheckPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Asks the database for {@code SELECT 1} on a reading connection, so that the check never queues behind writes; while
 * writes are failing ({@link StorageFaults}) it also tries a small write, so that readiness says not-ready while the
 * disk is full or the file read-only, and ready again as soon as a write succeeds. For SQLite it also checks that the
 * file and its folder (where the WAL and shared-memory files live) are writable.
 *
 * <p>The check answers within {@link #ANSWER_WITHIN} whatever the database does: it runs on a thread of its own, and
 * a check still waiting for the database (a server gone silent, a pool waiting for a connection) is joined by the next
 * callers rather than started again, so that a hung database costs one thread.
 */
final class JdbcDatabaseHealthCheck implements HealthCheckPort, AutoCloseable {
    static final String NAME = "database";
    static final Duration ANSWER_WITHIN = Duration.ofMillis(1_500);
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    private static final String PROBE_FILLER = "x".repeat(8_192);

    private final DataSource reader;
    private final Path sqliteFile;
    private final JpaTransactions transactions;
    private final StorageFaults faults;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "combot-db-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<ComponentHealth> running;

    /** {@code sqliteFile}: the SQLite database file, or null for a database server. */
    JdbcDatabaseHealthCheck(DataSource reader, Path sqliteFile, JpaTransactions transactions, StorageFaults faults) {
        this.reader = reader;
        this.sqliteFile = sqliteFile;
        this.transactions = transactions;
        this.faults = faults;
    }

    @Override
    public ComponentHealth check() {
        try {
            return current().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ComponentHealth.down(NAME, "the database did not answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return ComponentHealth.down(NAME, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down(NAME, "interrupted while checking the database");
        }
    }

    private synchronized Future<ComponentHealth> current() {
        if (running == null || running.isDone()) {
            try {
                running = worker.submit(this::probe);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(ComponentHealth.down(NAME, "the store is closed"));
            }
        }
        return running;
    }

    private ComponentHealth probe() {
        if (sqliteFile != null) {
            Path folder = sqliteFile.toAbsolutePath().getParent();
            if (!Files.isWritable(sqliteFile) || !Files.isWritable(folder)) {
                return ComponentHealth.down(NAME, "the database file " + sqliteFile + " or its folder is not writable");
            }
        }
        long start = System.nanoTime();
        String product;
        try (Connection connection = reader.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                if (!result.next() || result.getInt(1) != 1) {
                    return ComponentHealth.down(NAME, "SELECT 1 did not answer 1");
                }
            }
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down(NAME, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (faults.writesFailing()) {
            try {
                probeWrite();
            } catch (StorageUnavailableException e) {
                return ComponentHealth.down(NAME, "writes fail: " + e.getMessage());
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return ComponentHealth.up(NAME, product + " answered in " + millis + " ms");
    }

    /** A row that needs new pages, written and deleted in one transaction: it fails as a turn would, stores nothing. */
    private void probeWrite() {
        long id = ThreadLocalRandom.current().nextLong();
        transactions.inWriteTransaction(db -> {
            db.createNativeMutationQuery("insert into storage_probe (id, filler) values (:id, :filler)")
                    .setParameter("id", id)
                    .setParameter("filler", PROBE_FILLER)
                    .executeUpdate();
            return db.createNativeMutationQuery("delete from storage_probe where id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
