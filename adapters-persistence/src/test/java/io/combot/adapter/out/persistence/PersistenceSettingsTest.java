package io.combot.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersistenceSettingsTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration BUSY = Duration.ofSeconds(2);
    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration SOCKET = Duration.ofSeconds(15);
    private static final String SQLITE = "jdbc:sqlite:x.db";

    @Test
    void withoutAnotherDatabaseSqliteLivesInTheDataFolder() {
        String url = PersistenceSettings.sqliteUrl(Path.of("./data"));

        assertThat(url).isEqualTo("jdbc:sqlite:./data/combot.db");
        assertThat(settings(url, 4, 10, LIFETIME, BUSY, CONNECT, SOCKET).isSqlite()).isTrue();
    }

    @Test
    void invalidSettingsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> settings("sqlite:x.db", 4, 10, LIFETIME, BUSY, CONNECT, SOCKET))
                .hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> settings(SQLITE, 0, 10, LIFETIME, BUSY, CONNECT, SOCKET))
                .hasMessageContaining("readPoolSize");
        assertThatThrownBy(() -> settings("jdbc:postgresql://db/c", 4, 0, LIFETIME, BUSY, CONNECT, SOCKET))
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> settings(SQLITE, 4, 10, Duration.ofSeconds(5), BUSY, CONNECT, SOCKET))
                .hasMessageContaining("maxConnectionLifetime");
        assertThatThrownBy(() -> settings(SQLITE, 4, 10, LIFETIME, Duration.ofMillis(-1), CONNECT, SOCKET))
                .hasMessageContaining("busyTimeout");
        assertThatThrownBy(() -> settings(SQLITE, 4, 10, LIFETIME, BUSY, Duration.ofMillis(100), SOCKET))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> settings(SQLITE, 4, 10, LIFETIME, BUSY, CONNECT, Duration.ofMillis(1_500)))
                .hasMessageContaining("socketTimeout must be zero (none) or whole seconds, not PT1.5S");
        assertThatThrownBy(() -> settings(SQLITE, 4, 10, LIFETIME, BUSY, CONNECT, Duration.ofSeconds(-1)))
                .hasMessageContaining("socketTimeout");
        assertThat(settings(SQLITE, 4, 10, LIFETIME, BUSY, CONNECT, Duration.ZERO).socketTimeout()).isZero();
    }

    @Test
    void thePasswordStaysOutOfToString() {
        PersistenceSettings settings =
                new PersistenceSettings("jdbc:postgresql://127.0.0.1/combot", "combot", "s3cret", 4, 10, LIFETIME, BUSY,
                        CONNECT, SOCKET);

        assertThat(settings.isSqlite()).isFalse();
        assertThat(settings.toString()).contains("combot").doesNotContain("s3cret");
    }

    @Test
    void theDatabaseFileIsReadFromTheUrl() {
        assertThat(SqliteDataSources.databaseFile("jdbc:sqlite:data/combot.db?busy_timeout=10"))
                .isEqualTo(Path.of("data/combot.db"));
        assertThat(SqliteDataSources.databaseFile("jdbc:sqlite:file:/var/combot.db")).isEqualTo(Path.of("/var/combot.db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory"})
    void aDatabaseThatIsNoFileIsRefused(String url) {
        assertThatThrownBy(() -> SqliteDataSources.databaseFile(url)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PersistenceSettings settings(String url, int readPoolSize, int poolSize, Duration lifetime,
                                                Duration busy, Duration connect, Duration socket) {
        return new PersistenceSettings(url, null, null, readPoolSize, poolSize, lifetime, busy, connect, socket);
    }
}
