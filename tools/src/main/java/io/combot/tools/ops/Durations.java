package io.combot.tools.ops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line durations and sizes, as the operator types them. */
public final class Durations {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg])?b?", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * The service's duration grammar (bootstrap's {@code ConfigSource.parseDuration}), so an operator types a
     * duration one way everywhere: a whole number and a unit, {@code 200ms}, {@code 30s}, {@code 5m}, {@code 1h},
     * {@code 2d} (any case), or ISO-8601 ({@code PT30S}). A bare number is refused, not guessed. The tools do not
     * depend on bootstrap (they are never on the service's class path, and bootstrap's tests use them), so the grammar
     * is written twice; both are tested against one table, {@code duration-grammar.csv} in this module's test-jar.
     */
    public static Duration parse(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a duration: '" + text
                        + "' (use e.g. 200ms, 30s, 5m, 1h or PT30S)", e);
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

    /** {@code 512m}, {@code 1g}, {@code 800k}, a bare number of bytes. */
    public static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a size: " + text + " (use e.g. 512m, 1g)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }
}
