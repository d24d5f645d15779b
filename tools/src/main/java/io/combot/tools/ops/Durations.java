package io.combot.tools.ops;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line durations and sizes, as the operator types them. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg])?b?", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** {@code 250ms}, {@code 2s}, {@code 1m}; a bare number is milliseconds. */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a duration: " + text + " (use e.g. 200ms, 2s, 1m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** {@code 512m}, {@code 1g}, {@code 800k}, a bare number of bytes. */
    public static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a size: " + text + " (use e.g. 512m, 1g)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(java.util.Locale.ROOT);
        return switch (unit) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }
}
