package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.newSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.OwnerId;
import io.combot.tools.settings.ShippedDefaults;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness tells the truth about writes, and answers in bounded time whatever the database does. */
class DatabaseHealthUnderFaultsTest {
    /** Pages of 4 KiB: room for the schema and a few sessions, so that SQLite reports SQLITE_FULL without root. */
    private static final int MAX_PAGES = 40;

    @TempDir
    Path dataDir;

    @Test
    void aFullDatabaseIsNotReadyUntilAWriteSucceedsAgain() throws SQLException {
        String url = PersistenceSettings.sqliteUrl(dataDir);
        PersistenceSettings shipped = TestDatabase.SQLITE.settings(dataDir);
        PersistenceSettings tiny = new PersistenceSettings(url + "?max_page_count=" + MAX_PAGES, null, null,
                shipped.readPoolSize(), shipped.poolSize(), shipped.maxConnectionLifetime(), shipped.busyTimeout(),
                shipped.connectTimeout(), shipped.socketTimeout());
        try (JpaPersistence persistence = JpaPersistence.open(tiny)) {
            JpaSessionStoreAdapter store = persistence.sessionStore();
            assertThat(persistence.healthCheck().check().up()).isTrue();

            List<ChatSession> stored = new ArrayList<>();
            StorageUnavailableException full = null;
            while (full == null && stored.size() < 10_000) {
                ChatSession session = newSession(new OwnerId("o".repeat(50) + stored.size()));
                try {
                    store.create(session);
                    stored.add(session);
                } catch (StorageUnavailableException e) {
                    full = e;
                    assertThat(store.findSession(session.id())).isEmpty();
                }
            }
            assertThat(full).isNotNull();
            assertThat(full.kind()).isEqualTo(StorageUnavailableException.Kind.FULL);
            assertThat(full.code()).isEqualTo("SQLITE_FULL");
            ComponentHealth down = persistence.healthCheck().check();
            assertThat(down.up()).isFalse();
            assertThat(down.detail()).contains("writes fail", "SQLITE_FULL");

            // Space is freed behind the service's back (another connection, without the page limit).
            try (Connection other = DriverManager.getConnection(url);
                 Statement statement = other.createStatement()) {
                statement.executeUpdate("delete from sessions");
            }
            assertThat(persistence.healthCheck().check().up()).isTrue();
            store.create(newSession(new OwnerId("after")));
        }
    }

    @Test
    void aDatabaseThatHangsIsReportedDownInBoundedTimeByOneWaitingCheck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        DataSource hanging = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        asked.incrementAndGet();
                        release.await();
                        throw new SQLException("the database was released");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        try (JdbcDatabaseHealthCheck health = new JdbcDatabaseHealthCheck(hanging, null, null, new StorageFaults())) {
            ComponentHealth first = health.check();
            ComponentHealth second = health.check();

            assertThat(first.up()).isFalse();
            assertThat(first.detail()).contains("did not answer within 1500 ms");
            assertThat(second.detail()).contains("did not answer within 1500 ms");
            assertThat(asked).as("checks joined the one still waiting").hasValue(1);
            release.countDown();
        }
    }
}
