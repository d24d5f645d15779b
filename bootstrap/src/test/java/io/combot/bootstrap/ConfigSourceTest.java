package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a setting's value comes from, how it is read, and what a refusal says. */
class ConfigSourceTest {
    @TempDir
    Path dir;

    @Test
    void withNothingElseSetEveryKeyHasTheDefaultsFilesValue() throws IOException {
        Properties file = new Properties();
        try (InputStream in = ConfigSource.class.getResourceAsStream(ConfigSource.DEFAULTS_RESOURCE)) {
            file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        ConfigSource config = ConfigSource.load(Map.of());

        assertThat(file.stringPropertyNames()).hasSizeGreaterThan(40).allSatisfy(key -> assertThat(config.optional(key))
                .as(key).isEqualTo(Optional.of(file.getProperty(key).trim()).filter(v -> !v.isEmpty())));
    }

    @Test
    void theEnvironmentWinsOverTheOperatorsFileWhichWinsOverTheDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("combot.properties"),
                "COMBOT_PORT=9000\nCOMBOT_MAX_CONTENT_CHARS=123\n");
        ConfigSource config = ConfigSource.load(Map.of(ConfigSource.CONFIG_FILE_KEY, file.toString(),
                "COMBOT_PORT", "9100"));

        assertThat(config.integer("COMBOT_PORT")).as("environment over file").isEqualTo(9100);
        assertThat(config.integer("COMBOT_MAX_CONTENT_CHARS")).as("file over defaults").isEqualTo(123);
        assertThat(config.string("COMBOT_BIND")).as("defaults")
                .isEqualTo(ConfigSource.load(Map.of()).string("COMBOT_BIND"));
    }

    @Test
    void theOperatorsFileIsReadAsUtf8() throws IOException {
        Path file = Files.writeString(dir.resolve("combot.properties"), "COMBOT_OPENAI_MODEL=modèle-ü\n",
                StandardCharsets.UTF_8);

        assertThat(ConfigSource.load(Map.of(ConfigSource.CONFIG_FILE_KEY, file.toString()))
                .string("COMBOT_OPENAI_MODEL")).isEqualTo("modèle-ü");
    }

    @Test
    void onlyCombotVariablesOfTheEnvironmentCount() {
        ConfigSource config = ConfigSource.load(Map.of("PATH", "/usr/bin", "combot_port", "1"));

        assertThat(config.optional("PATH")).isEmpty();
        assertThat(config.integer("COMBOT_PORT")).isEqualTo(ConfigSource.load(Map.of()).integer("COMBOT_PORT"));
    }

    @Test
    void anEmptyValueUnsetsADefaultAndValuesAreTrimmed() {
        ConfigSource config = ConfigSource.load(Map.of("COMBOT_OPENAI_MODEL", " ", "COMBOT_PORT", " 8081 "));

        assertThat(config.optional("COMBOT_OPENAI_MODEL")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> config.string("COMBOT_OPENAI_MODEL"))
                .withMessage("COMBOT_OPENAI_MODEL must be set");
        assertThat(config.integer("COMBOT_PORT")).isEqualTo(8081);
    }

    @Test
    void anOperatorsFileThatCannotBeReadIsNamed() {
        Path missing = dir.resolve("nowhere.properties");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConfigSource.load(Map.of(ConfigSource.CONFIG_FILE_KEY, missing.toString())))
                .withMessage("COMBOT_CONFIG_FILE names " + missing + ", which cannot be read");
    }

    @Test
    void valuesAreReadAsTheirTypes() {
        ConfigSource config = ConfigSource.load(Map.of("COMBOT_MIN_CONFIDENCE", "0.75", "COMBOT_TURN_WAIT", "5m",
                "COMBOT_SHUTDOWN_TIMEOUT", "PT2S", "COMBOT_DATA_DIR", "/var/lib/combot",
                "COMBOT_OPENAI_BASE_URL", "http://127.0.0.1:1234/v1"));

        assertThat(config.decimal("COMBOT_MIN_CONFIDENCE")).isEqualTo(0.75);
        assertThat(config.duration("COMBOT_TURN_WAIT")).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.duration("COMBOT_SHUTDOWN_TIMEOUT")).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.path("COMBOT_DATA_DIR")).isEqualTo(Path.of("/var/lib/combot"));
        assertThat(config.uri("COMBOT_OPENAI_BASE_URL").getPort()).isEqualTo(1234);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMBOT_PORT           | eighty | COMBOT_PORT must be a whole number, not 'eighty'",
            "COMBOT_PORT           | 1.5    | COMBOT_PORT must be a whole number, not '1.5'",
            "COMBOT_MIN_CONFIDENCE | half   | COMBOT_MIN_CONFIDENCE must be a number, not 'half'",
            "COMBOT_TURN_WAIT      | 30     | COMBOT_TURN_WAIT must be a duration such as 30s, 200ms, 5m or PT30S, not '30'",
            "COMBOT_TURN_WAIT      | soon   | COMBOT_TURN_WAIT must be a duration such as 30s, 200ms, 5m or PT30S, not 'soon'",
            "COMBOT_OPENAI_BASE_URL| a b    | COMBOT_OPENAI_BASE_URL must be a URL, not 'a b'"})
    void aValueOfTheWrongTypeIsRefusedWithItsKeyAndValue(String key, String value, String message) {
        ConfigSource config = ConfigSource.load(Map.of(key, value));

        assertThatIllegalArgumentException().isThrownBy(() -> readAsItsType(config, key)).withMessage(message);
    }

    private static Object readAsItsType(ConfigSource config, String key) {
        return switch (key) {
            case "COMBOT_PORT" -> config.integer(key);
            case "COMBOT_MIN_CONFIDENCE" -> config.decimal(key);
            case "COMBOT_TURN_WAIT" -> config.duration(key);
            default -> config.uri(key);
        };
    }

    @Test
    void aRefusalBySettingsNamesTheKeysTheOperatorSetWithSecretsMasked() {
        ConfigSource config = ConfigSource.load(Map.of("COMBOT_PORT", "1", "COMBOT_ADMIN_TOKEN", "very-secret-token"));

        assertThatIllegalArgumentException().isThrownBy(() -> config.settings(c -> {
            c.integer("COMBOT_PORT");
            c.optional("COMBOT_ADMIN_TOKEN");
            c.string("COMBOT_BIND");
            throw new IllegalArgumentException("the port is too low");
        })).withMessage("the port is too low (set: COMBOT_ADMIN_TOKEN=****, COMBOT_PORT=1)");
    }

    @Test
    void aRefusalOfDefaultsNamesEveryKeyRead() {
        ConfigSource config = ConfigSource.load(Map.of());
        String bind = config.string("COMBOT_BIND");

        assertThatIllegalArgumentException().isThrownBy(() -> config.settings(c -> {
            c.string("COMBOT_BIND");
            throw new IllegalArgumentException("refused");
        })).withMessage("refused (from COMBOT_BIND=" + bind + ")");
    }

    @Test
    void aRefusalThatNamesItsKeyAlreadyIsLeftAsItIs() {
        ConfigSource config = ConfigSource.load(Map.of("COMBOT_PORT", "eighty"));

        assertThatIllegalArgumentException().isThrownBy(() -> config.settings(c -> c.integer("COMBOT_PORT")))
                .withMessage("COMBOT_PORT must be a whole number, not 'eighty'");
    }

    @Test
    void changedKeysAreTheKeysWhoseValuesDiffer() {
        ConfigSource before = ConfigSource.load(Map.of("COMBOT_PORT", "1", "COMBOT_LOG_LEVEL", "DEBUG"));
        ConfigSource after = ConfigSource.load(Map.of("COMBOT_PORT", "2", "COMBOT_LOG_LEVEL", "DEBUG",
                "COMBOT_DB_URL", "jdbc:postgresql://db/combot"));

        assertThat(before.changedKeys(after)).containsExactly("COMBOT_DB_URL", "COMBOT_PORT");
    }
}
