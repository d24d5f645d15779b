package io.combot.tools.settings;

import io.combot.tools.ops.Durations;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's defaults, read from the one file that holds them, {@code bootstrap/src/main/resources/
 * combot-defaults.properties}, for the tests of modules that cannot depend on bootstrap: they build their settings
 * from these values, so a test runs with what production runs with and no Java copy of a default can drift.
 * Values are read as the service reads them (empty means unset; durations in the service's grammar).
 */
public final class ShippedDefaults {
    /** Every module's tests run in their module's folder (as Maven runs them), a sibling of bootstrap's. */
    static final Path FILE = Path.of("..", "bootstrap", "src", "main", "resources", "combot-defaults.properties");
    private static final Properties VALUES = load(FILE);

    private ShippedDefaults() {
    }

    public static Optional<String> optional(String key) {
        String value = VALUES.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String string(String key) {
        return optional(key).orElseThrow(() -> new IllegalArgumentException(key + " has no value in " + FILE));
    }

    public static int integer(String key) {
        return Integer.parseInt(string(key));
    }

    public static double decimal(String key) {
        return Double.parseDouble(string(key));
    }

    public static Duration duration(String key) {
        return Durations.parse(string(key));
    }

    static Properties load(Path file) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The defaults file " + file.toAbsolutePath().normalize()
                    + " cannot be read: tests run in their module's folder", e);
        }
        return values;
    }
}
