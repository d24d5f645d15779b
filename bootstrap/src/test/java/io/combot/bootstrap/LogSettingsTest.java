package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The log settings come from the same three places as every other setting, the operator's file included. */
class LogSettingsTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToTheDefaults() {
        LogSettings.from(ConfigSource.load(Map.of())).apply();
    }

    @Test
    void theDefaultsFileGivesInfoAndText() {
        assertThat(LogSettings.from(ConfigSource.load(Map.of()))).isEqualTo(new LogSettings("INFO", "TEXT"));
    }

    @Test
    void aLevelInTheOperatorsFileAppliesToLogback() throws IOException {
        Path file = Files.writeString(dir.resolve("combot.properties"), "COMBOT_LOG_LEVEL=warn\n");

        LogSettings.from(ConfigSource.load(Map.of(ConfigSource.CONFIG_FILE_KEY, file.toString()))).apply();

        assertThat(((Logger) LoggerFactory.getLogger("io.combot")).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("combot.properties"), "COMBOT_LOG_FORMAT=JSON\n");

        LogSettings settings = LogSettings.from(ConfigSource.load(Map.of(ConfigSource.CONFIG_FILE_KEY,
                file.toString(), "COMBOT_LOG_FORMAT", "TEXT")));

        assertThat(settings.format()).isEqualTo("TEXT");
    }

    @Test
    void anUnknownValueIsRefusedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> LogSettings.from(ConfigSource.load(Map.of("COMBOT_LOG_LEVEL", "LOUD"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COMBOT_LOG_LEVEL is 'LOUD'");
        assertThatThrownBy(() -> LogSettings.from(ConfigSource.load(Map.of("COMBOT_LOG_FORMAT", "xml"))))
                .hasMessageContaining("COMBOT_LOG_FORMAT is 'XML'");
    }
}
