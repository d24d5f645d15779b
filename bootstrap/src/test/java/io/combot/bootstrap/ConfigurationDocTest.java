package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/configuration.md (and the README's short one) says what the defaults file says. The
 * table's convention: rows {@code | `KEY` | `default` | meaning |}, one key per row, the default exactly as
 * {@code combot-defaults.properties} has it, or {@code none} when that file gives the key no value (absent or empty).
 */
class ConfigurationDocTest {
    private static final Path REPO = Path.of("..");
    /** Loaded from the class path, as {@code ConfigSource} loads it. */
    private static final String DEFAULTS = "/combot-defaults.properties";
    private static final String NONE = "none";
    /** A table row whose first cell names settings: its key cell and its default cell. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([^|]*COMBOT_[^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|.*$");
    private static final Pattern KEY = Pattern.compile("COMBOT_[A-Z0-9_]+");
    private static final Pattern ONE_KEY_CELL = Pattern.compile("`(COMBOT_[A-Z0-9_]+)`");
    private static final Pattern VALUE_CELL = Pattern.compile("`([^`]*)`");

    /** The defaults as the service reads them, with empty values as the service treats them: no value. */
    private static Map<String, Optional<String>> defaults;

    @BeforeAll
    static void loadTheDefaultsAsTheServiceDoes() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConfigurationDocTest.class.getResourceAsStream(DEFAULTS)) {
            assertThat(in).as("class path resource %s", DEFAULTS).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        defaults = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            defaults.put(key, value.isEmpty() ? Optional.empty() : Optional.of(value));
        }
        assertThat(defaults).as("keys in the defaults file").hasSizeGreaterThan(40);
    }

    @Test
    void theConfigurationDocListsEveryDefaultWithItsValue() throws IOException {
        Map<String, String> table = settingsTable(section(REPO.resolve("docs/configuration.md"), "## Settings"));

        List<String> problems = new ArrayList<>();
        defaults.forEach((key, value) -> {
            if (!table.containsKey(key)) {
                problems.add(key + " is in the defaults file but has no row in docs/configuration.md");
            } else if (!table.get(key).equals(value.orElse(NONE))) {
                problems.add(key + ": the defaults file says " + shown(value) + ", the doc says "
                        + shown(table.get(key)));
            }
        });
        table.forEach((key, documented) -> {
            if (!defaults.containsKey(key) && !documented.equals(NONE)) {
                problems.add(key + " is not in the defaults file, so its default must be none, not "
                        + shown(documented));
            }
        });
        assertThat(problems).as("docs/configuration.md against combot-defaults.properties").isEmpty();
    }

    @Test
    void theReadmesSettingsAgreeWithTheDefaultsFile() throws IOException {
        Map<String, String> table = settingsTable(Files.readString(REPO.resolve("README.md")));

        assertThat(table).as("the README's settings table").hasSizeGreaterThanOrEqualTo(10);
        table.forEach((key, documented) -> assertThat(documented).as("README default of %s", key)
                .isEqualTo(defaults.getOrDefault(key, Optional.empty()).orElse(NONE)));
    }

    /** The text of a markdown file from {@code heading} to the next heading of the same level. */
    private static String section(Path file, String heading) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("%s in %s", heading, file).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** Key to documented default ({@code none} or the value between backquotes) of every settings row. */
    private static Map<String, String> settingsTable(String markdown) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            String keyCell = row.group(1);
            Matcher oneKey = ONE_KEY_CELL.matcher(keyCell);
            assertThat(oneKey.matches() && KEY.matcher(keyCell).results().count() == 1)
                    .as("one key per row, written `COMBOT_…`: %s", line).isTrue();
            String key = oneKey.group(1);
            String defaultCell = row.group(2);
            Matcher value = VALUE_CELL.matcher(defaultCell);
            assertThat(defaultCell.equals(NONE) || value.matches())
                    .as("the default of %s is `value` or none: %s", key, defaultCell).isTrue();
            assertThat(table.put(key, defaultCell.equals(NONE) ? NONE : value.group(1)))
                    .as("%s has one row", key).isNull();
        }
        assertThat(table).as("settings rows").isNotEmpty();
        return table;
    }

    private static String shown(Optional<String> value) {
        return value.map(v -> "`" + v + "`").orElse(NONE);
    }

    private static String shown(String documented) {
        return shown(documented.equals(NONE) ? Optional.empty() : Optional.of(documented));
    }
}
