package io.combot.adapter.out.persistence;

import io.combot.domain.error.StorageUnavailableException;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Runs work in a transaction of a Hibernate {@link StatelessSession}, on the reading or the writing side. Every unit
 * of work here is one or a few statements on rows it does not keep, so a persistence context (first-level cache,
 * dirty checking, flush) would only cost time on the hot path; a stateless session writes exactly the statements it is
 * told to. Reads go to the read-only pool and are rolled back; writes go to the single writer, whose transactions
 * begin IMMEDIATE.
 *
 * <p>A transaction that failed in the database, or whose rollback failed, leaves its connection in a state nobody
 * knows: SQLite ends a transaction by itself on SQLITE_FULL, so the rollback then fails and the connection would go on
 * in auto-commit, each later statement committed alone (a turn half written). Such a connection is evicted from its
 * pool before the session lets go of it (the sessions hold their connection until they close), never reused. A storage
 * fault is thrown as {@link StorageUnavailableException}, its cause kept, and recorded once in {@link StorageFaults}.
 */
final class JpaTransactions {
    private final Side readers;
    private final Side writers;
    private final StorageFaults faults;

    JpaTransactions(SessionFactory readers, Consumer<Connection> evictReader, SessionFactory writers,
                    Consumer<Connection> evictWriter, StorageFaults faults) {
        this.readers = new Side(readers, evictReader, false);
        this.writers = new Side(writers, evictWriter, true);
        this.faults = faults;
    }

    <T> T inReadTransaction(Function<StatelessSession, T> work) {
        return run(readers, work);
    }

    /** Runs {@code work} on the writing side and rolls it back: statements run, nothing is stored. */
    void inRolledBackWriteTransaction(Consumer<StatelessSession> work) {
        try (StatelessSession session = writers.factory().openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                work.accept(session);
            } finally {
                transaction.rollback();
            }
        }
    }

    /** Commits what {@code work} did, or nothing at all when it throws. */
    <T> T inWriteTransaction(Function<StatelessSession, T> work) {
        T result = run(writers, work);
        faults.writeSucceeded();
        return result;
    }

    private <T> T run(Side side, Function<StatelessSession, T> work) {
        try (StatelessSession session = side.factory.openStatelessSession()) {
            Connection connection = null;
            Transaction transaction = null;
            try {
                transaction = session.beginTransaction();
                connection = session.doReturningWork(held -> held);
                T result = work.apply(session);
                if (side.write) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
                return result;
            } catch (RuntimeException e) {
                Optional<StorageUnavailableException> fault = StorageErrors.fault(e);
                boolean rolledBack = rollBack(transaction, e);
                if (connection != null && (fault.isPresent() || !rolledBack)) {
                    side.evict.accept(connection);
                }
                if (fault.isPresent()) {
                    faults.failed(fault.get(), side.write);
                    throw fault.get();
                }
                throw e;
            }
        }
    }

    /**
     * False when the connection's transaction state is unknown: the rollback failed (its error goes with the first
     * one, which it must not hide), or the transaction ended without one (a failed commit).
     */
    private static boolean rollBack(Transaction transaction, RuntimeException first) {
        if (transaction == null) {
            return true;
        }
        if (!transaction.isActive()) {
            return false;
        }
        try {
            transaction.rollback();
            return true;
        } catch (RuntimeException e) {
            first.addSuppressed(e);
            return false;
        }
    }

    private record Side(SessionFactory factory, Consumer<Connection> evict, boolean write) {
    }
}
