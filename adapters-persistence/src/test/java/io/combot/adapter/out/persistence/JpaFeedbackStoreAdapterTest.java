package io.combot.adapter.out.persistence;

import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.FeedbackStorePortContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JPA store on a SQLite file and on a PostgreSQL server passes the contract the in-memory double passes. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JpaFeedbackStoreAdapterTest extends FeedbackStorePortContract<JpaSessionStoreAdapter> {
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

    @Override
    protected JpaSessionStoreAdapter sessions() {
        return persistence.sessionStore();
    }

    @Override
    protected FeedbackStorePort feedback() {
        return persistence.feedbackStore();
    }
}
