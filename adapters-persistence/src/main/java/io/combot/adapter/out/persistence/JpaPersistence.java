package io.combot.adapter.out.persistence;

import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Classification;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.ReviewStorePort;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.mapstruct.factory.Mappers;

/**
 * The whole persistence setup, opened and closed as one: pools, migrated schema, SessionFactories, and the
 * adapters built on them. Tests open it directly; {@link PersistenceConfiguration} opens it for Spring.
 *
 * <p>Why two SessionFactories over the same entities rather than one over a routing data source: SQLite allows
 * one writer at a time, so every write goes through a pool of exactly one connection whose transactions begin
 * IMMEDIATE, while reads use a separate read-only pool that WAL lets run beside that writer. With a factory per pool
 * the side is chosen by the factory a transaction starts from, visibly in {@link JpaTransactions}, instead of by a
 * thread-local a routing data source would consult when Hibernate first asks for a connection. The price, a second
 * metamodel of four entities, is small. On a database that is not SQLite one pool and one factory serve both sides.
 */
final class JpaPersistence implements AutoCloseable {
    private final ConnectionPools pools;
    private final Deque<AutoCloseable> resources;
    private final JpaTransactions transactions;
    private final StorageFaults faults;
    private final SessionFactory writerFactory;
    private final JpaSessionStoreAdapter sessionStore;
    private final FeedbackStorePort feedbackStore;
    private final ReviewStorePort reviewStore;
    private final HealthCheckPort healthCheck;

    private JpaPersistence(ConnectionPools pools, Deque<AutoCloseable> resources, JpaTransactions transactions,
                           StorageFaults faults, SessionFactory writerFactory, PersistenceSettings settings) {
        this.pools = pools;
        this.faults = faults;
        this.resources = resources;
        this.transactions = transactions;
        this.writerFactory = writerFactory;
        MessageJpaMapper messages = Mappers.getMapper(MessageJpaMapper.class);
        this.sessionStore = new JpaSessionStoreAdapter(transactions, Mappers.getMapper(SessionJpaMapper.class),
                messages, !settings.isSqlite());
        FeedbackJpaMapper feedback = Mappers.getMapper(FeedbackJpaMapper.class);
        this.feedbackStore = new JpaFeedbackStoreAdapter(transactions, feedback);
        this.reviewStore = new JpaReviewStoreAdapter(transactions, messages, feedback);
        JdbcDatabaseHealthCheck health = new JdbcDatabaseHealthCheck(pools.reader(),
                settings.isSqlite() ? SqliteDataSources.databaseFile(settings.jdbcUrl()) : null, transactions, faults);
        resources.push(health);
        this.healthCheck = health;
    }

    static JpaPersistence open(PersistenceSettings settings) {
        return open(settings, UnaryOperator.identity());
    }

    /** {@code writerConnections}: see {@link ConnectionPools#open(PersistenceSettings, UnaryOperator)}. */
    static JpaPersistence open(PersistenceSettings settings, UnaryOperator<DataSource> writerConnections) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            ConnectionPools pools = ConnectionPools.open(settings, writerConnections);
            resources.push(pools);
            migrate(pools.writer(), settings.isSqlite() ? "sqlite" : "postgresql");
            // Only the writer's factory checks the entities against the migrated schema; once is enough.
            SessionFactory writerFactory = sessionFactory("combot-writer", pools.writer(), "validate", settings);
            resources.push(writerFactory);
            SessionFactory readerFactory = writerFactory;
            if (!pools.shared()) {
                readerFactory = sessionFactory("combot-reader", pools.reader(), "none", settings);
                resources.push(readerFactory);
            }
            StorageFaults faults = new StorageFaults();
            JpaTransactions transactions = new JpaTransactions(readerFactory, pools::evictReader, writerFactory,
                    pools::evictWriter, faults);
            return new JpaPersistence(pools, resources, transactions, faults, writerFactory, settings);
        } catch (RuntimeException e) {
            closeAll(resources, e);
            throw e;
        }
    }

    JpaSessionStoreAdapter sessionStore() {
        return sessionStore;
    }

    /** Runs a turn's statements once on both sides, storing nothing (see {@link JpaSessionStoreAdapter#warmUp}). */
    void warmUp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChatSession session = ChatSession.start(new OwnerId("warm-up"), now, Duration.ofMinutes(1));
        Intent intent = Intent.of("warm_up");
        UserMessage user = new UserMessage(MessageId.random(), session.id(), 0, "warm-up", now,
                new Classification(intent, 1.0, Map.of(intent, 1.0), "warm-up"), new ClientMessageId("warm-up"));
        AssistantMessage reply = new AssistantMessage(MessageId.random(), session.id(), 1, "warm-up", now, Route.LLM,
                false, new TokenUsage(1, 1));
        sessionStore.warmUp(new Turn(user, reply), session);
    }

    FeedbackStorePort feedbackStore() {
        return feedbackStore;
    }

    ReviewStorePort reviewStore() {
        return reviewStore;
    }

    HealthCheckPort healthCheck() {
        return healthCheck;
    }

    ConnectionPools pools() {
        return pools;
    }

    StorageFaults faults() {
        return faults;
    }

    JpaTransactions transactions() {
        return transactions;
    }

    /** Its statistics, off until a test switches them on, show what ran on the writer. */
    SessionFactory writerFactory() {
        return writerFactory;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("Closing the persistence setup failed");
        closeAll(resources, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void migrate(DataSource writer, String vendor) {
        Flyway.configure(JpaPersistence.class.getClassLoader())
                .dataSource(writer)
                // db/vendor: a change that only one database needs (SQLite enforces no VARCHAR length); outside
                // db/migration, which Flyway scans with its subfolders. Flyway itself has no {vendor} placeholder.
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();
    }

    private static SessionFactory sessionFactory(String name, DataSource dataSource, String schemaAction,
                                                       PersistenceSettings settings) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration(name)
                .managedClasses(SessionJpaEntity.class, MessageJpaEntity.class, CitationJpaEntity.class,
                        FeedbackJpaEntity.class, LabelJpaEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, schemaAction)
                // A session keeps its connection until it closes, so that a connection in an unknown state can be
                // evicted before any other request could borrow it (see JpaTransactions).
                .property(AvailableSettings.CONNECTION_HANDLING, "DELAYED_ACQUISITION_AND_HOLD");
        if (settings.isSqlite()) {
            configuration.property(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        return configuration.createEntityManagerFactory();
    }

    /** Closes in reverse order of opening, keeping every failure. */
    private static void closeAll(Deque<AutoCloseable> resources, RuntimeException failure) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
