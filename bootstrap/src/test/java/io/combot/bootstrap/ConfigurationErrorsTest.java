package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A configuration the service refuses is one line that names the key and its value, and exit code 2. */
class ConfigurationErrorsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
            "COMBOT_MIN_CONFIDENCE, 2, between 0 and 1",
            "COMBOT_OPENAI_TEMPERATURE, 5, temperature",
            "COMBOT_CLASSIFIER_WORKERS, 0, workers",
            "COMBOT_CLASSIFIER_CACHE_SIZE, -1, cacheSize must be 0 (no cache) or more",
            "COMBOT_DB_POOL_SIZE, 0, pool",
            "COMBOT_SESSION_IDLE_TIMEOUT, 0s, idleTimeout",
            "COMBOT_PORT, eighty, a whole number",
            "COMBOT_TURN_WAIT, soon, a duration"})
    void aRefusedValueIsNamedWithItsKey(String key, String value, String rule) {
        assertThatThrownBy(() -> CombotSettings.from(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key).hasMessageContaining(value).hasMessageContaining(rule);
    }

    @Test
    void secretsAreNotShownInTheMessage() {
        assertThatThrownBy(() -> CombotSettings.from(Map.of("COMBOT_OPENAI_TEMPERATURE", "5",
                "COMBOT_OPENAI_API_KEY", "sk-very-secret")))
                .hasMessageContaining("COMBOT_OPENAI_TEMPERATURE=5").hasMessageNotContaining("sk-very-secret");
    }

    @Test
    void theServiceSaysItInOneLineWithoutAStackTraceAndExitsTwo() throws Exception {
        ServiceProcess refused = ServiceProcess.run(Map.of("COMBOT_MIN_CONFIDENCE", "2",
                "COMBOT_DATA_DIR", dataDir.toString()));
        String output = refused.output();

        assertThat(refused.exitCode()).as(output).isEqualTo(2);
        assertThat(output.lines().filter(line -> line.contains("ERROR"))).singleElement().asString()
                .contains("Configuration error", "COMBOT_MIN_CONFIDENCE=2");
        assertThat(output).doesNotContain("\tat ");
    }
}
