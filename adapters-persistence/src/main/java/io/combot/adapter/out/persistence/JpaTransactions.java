package io.combot.adapter.out.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs work in an explicit EntityManager transaction, on the reading or the writing side. Reads go to the read-only
 * pool and are rolled back, with flushing off and entities loaded read-only, so a read cannot write even by accident;
 * writes go to the single writer, whose transactions begin IMMEDIATE.
 */
final class JpaTransactions {
    private final EntityManagerFactory readers;
    private final EntityManagerFactory writers;

    JpaTransactions(EntityManagerFactory readers, EntityManagerFactory writers) {
        this.readers = readers;
        this.writers = writers;
    }

    <T> T inReadTransaction(Function<EntityManager, T> work) {
        try (EntityManager entityManager = readers.createEntityManager()) {
            Session session = entityManager.unwrap(Session.class);
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            EntityTransaction transaction = entityManager.getTransaction();
            transaction.begin();
            try {
                return work.apply(entityManager);
            } finally {
                transaction.rollback();
            }
        }
    }

    /** Commits what {@code work} did, or nothing at all when it throws. */
    <T> T inWriteTransaction(Function<EntityManager, T> work) {
        try (EntityManager entityManager = writers.createEntityManager()) {
            EntityTransaction transaction = entityManager.getTransaction();
            transaction.begin();
            try {
                T result = work.apply(entityManager);
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
