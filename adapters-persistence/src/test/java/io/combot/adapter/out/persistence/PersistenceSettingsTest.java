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

    @Test
    void withoutAnotherDatabaseSqliteLivesInTheDataFolder() {
        String url = PersistenceSettings.sqliteUrl(Path.of("./data"));

        assertThat(url).isEqualTo("jdbc:sqlite:./data/combot.db");
        assertThat(new PersistenceSettings(url, null, null, 4, 10, LIFETIME, BUSY, CONNECT).isSqlite()).isTrue();
    }

    @Test
    void invalidSettingsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> new PersistenceSettings("sqlite:x.db", null, null, 4, 10, LIFETIME, BUSY, CONNECT))
                .hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:sqlite:x.db", null, null, 0, 10, LIFETIME, BUSY, CONNECT))
                .hasMessageContaining("readPoolSize");
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:postgresql://db/c", null, null, 4, 0, LIFETIME, BUSY, CONNECT))
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:sqlite:x.db", null, null, 4, 10, Duration.ofSeconds(5), BUSY, CONNECT))
                .hasMessageContaining("maxConnectionLifetime");
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:sqlite:x.db", null, null, 4, 10, LIFETIME, Duration.ofMillis(-1), CONNECT))
                .hasMessageContaining("busyTimeout");
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:sqlite:x.db", null, null, 4, 10, LIFETIME, BUSY,
                Duration.ofMillis(100))).hasMessageContaining("connectTimeout");
    }

    @Test
    void thePasswordStaysOutOfToString() {
        PersistenceSettings settings =
                new PersistenceSettings("jdbc:postgresql://127.0.0.1/combot", "combot", "s3cret", 4, 10, LIFETIME, BUSY, CONNECT);

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
}
