package io.combot.bootstrap;

import io.combot.domain.error.CombotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Configuration by name, each name a {@code COMBOT_*} key: the shipped defaults file, then an operator's properties
 * file, then environment variables, the later winning. One name per setting everywhere keeps the README's table true.
 */
final class ConfigSource {
    static final String DEFAULTS_RESOURCE = "/combot-defaults.properties";
    static final String CONFIG_FILE_KEY = "COMBOT_CONFIG_FILE";
    /** Keys whose values are not shown in messages: credentials, and a database URL that may carry a password. */
    private static final Pattern SECRET = Pattern.compile("KEY|PASSWORD|TOKEN|DB_URL");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Properties values;
    private final Properties defaults;
    /** The keys read through this view; null when no one asks. */
    private final Set<String> read;

    private ConfigSource(Properties values, Properties defaults, Set<String> read) {
        this.values = values;
        this.defaults = defaults;
        this.read = read;
    }

    static ConfigSource load(Map<String, String> environment) {
        Properties values = new Properties();
        try (InputStream defaults = ConfigSource.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            values.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The built-in defaults " + DEFAULTS_RESOURCE + " are missing", e);
        }
        Properties builtIn = new Properties();
        builtIn.putAll(values);
        String file = environment.get(CONFIG_FILE_KEY);
        if (file != null && !file.isBlank()) {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException(CONFIG_FILE_KEY + " names " + file + ", which cannot be read", e);
            }
        }
        environment.forEach((key, value) -> {
            if (key.startsWith("COMBOT_")) {
                values.setProperty(key, value);
            }
        });
        return new ConfigSource(values, builtIn, null);
    }

    /**
     * One module's settings, built by {@code builder} from this configuration. When the settings refuse a value, the
     * refusal names the keys they were built from that the operator set (their values differ from the defaults), so
     * that the one line of a configuration error says which key to fix; secrets are not shown.
     */
    <T> T settings(Function<ConfigSource, T> builder) {
        ConfigSource tracking = new ConfigSource(values, defaults, new TreeSet<>());
        try {
            return builder.apply(tracking);
        } catch (IllegalArgumentException | CombotException e) {
            if (e.getMessage() != null && e.getMessage().contains("COMBOT_")) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " (" + tracking.suspects() + ")", e);
        }
    }

    private String suspects() {
        List<String> set = read.stream().filter(key -> !Objects.equals(values.getProperty(key),
                defaults.getProperty(key))).toList();
        List<String> keys = set.isEmpty() ? List.copyOf(read) : set;
        return (set.isEmpty() ? "from " : "set: ") + keys.stream()
                .map(key -> key + "=" + (SECRET.matcher(key).find() ? "****" : values.getProperty(key, "")))
                .collect(Collectors.joining(", "));
    }

    /** The names whose values differ between this and {@code other}, sorted. */
    java.util.SortedSet<String> changedKeys(ConfigSource other) {
        java.util.SortedSet<String> changed = new java.util.TreeSet<>();
        for (String key : values.stringPropertyNames()) {
            if (!values.getProperty(key).equals(other.values.getProperty(key))) {
                changed.add(key);
            }
        }
        for (String key : other.values.stringPropertyNames()) {
            if (!values.containsKey(key)) {
                changed.add(key);
            }
        }
        return changed;
    }

    Optional<String> optional(String key) {
        if (read != null) {
            read.add(key);
        }
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(String key) {
        return optional(key).orElseThrow(() -> new IllegalArgumentException(key + " must be set"));
    }

    int integer(String key) {
        return parse(key, Integer::parseInt, "a whole number");
    }

    double decimal(String key) {
        return parse(key, Double::parseDouble, "a number");
    }

    Path path(String key) {
        return Path.of(string(key));
    }

    URI uri(String key) {
        return parse(key, URI::create, "a URL");
    }

    /** ISO-8601 ({@code PT30S}) or short form ({@code 30s}, {@code 200ms}, {@code 5m}, {@code 1h}, {@code 2d}). */
    Duration duration(String key) {
        return parse(key, ConfigSource::parseDuration, "a duration such as 30s, 200ms, 5m or PT30S");
    }

    static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private <T> T parse(String key, java.util.function.Function<String, T> parser, String expected) {
        String text = string(key);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be " + expected + ", not '" + text + "'", e);
        }
    }
}
