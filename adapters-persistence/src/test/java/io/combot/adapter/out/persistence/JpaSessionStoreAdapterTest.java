package io.combot.adapter.out.persistence;

import io.combot.domain.port.out.SessionStorePort;
import io.combot.domain.port.out.SessionStorePortContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The JPA store on a real SQLite file passes the contract the in-memory double passes. */
class JpaSessionStoreAdapterTest extends SessionStorePortContract {
    @TempDir
    Path dataDir;

    private JpaPersistence persistence;

    @BeforeEach
    void open() {
        persistence = JpaPersistence.open(PersistenceSettings.defaults(dataDir));
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Override
    protected SessionStorePort store() {
        return persistence.sessionStore();
    }
}
