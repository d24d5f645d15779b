package io.combot.adapter.out.persistence;

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
 */
final class JpaTransactions {
    private final SessionFactory readers;
    private final SessionFactory writers;

    JpaTransactions(SessionFactory readers, SessionFactory writers) {
        this.readers = readers;
        this.writers = writers;
    }

    <T> T inReadTransaction(Function<StatelessSession, T> work) {
        try (StatelessSession session = readers.openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                return work.apply(session);
            } finally {
                transaction.rollback();
            }
        }
    }

    /** Runs {@code work} on the writing side and rolls it back: statements run, nothing is stored. */
    void inRolledBackWriteTransaction(Consumer<StatelessSession> work) {
        try (StatelessSession session = writers.openStatelessSession()) {
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
        try (StatelessSession session = writers.openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.apply(session);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }
}
