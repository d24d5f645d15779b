package io.combot.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code COMBOT_LOG_LEVEL} and {@code COMBOT_LOG_FORMAT}, read like every other setting (defaults, the operator's file,
 * the environment) and handed to logback.xml as system properties before the service logs its first line.
 */
record LogSettings(String level, String format) {
    static final String LEVEL_KEY = "COMBOT_LOG_LEVEL";
    static final String FORMAT_KEY = "COMBOT_LOG_FORMAT";
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final List<String> FORMATS = List.of("TEXT", "JSON");

    LogSettings {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException(LEVEL_KEY + " is '" + level + "'; it is one of " + LEVELS);
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException(FORMAT_KEY + " is '" + format + "'; it is one of " + FORMATS);
        }
    }

    static LogSettings from(ConfigSource config) {
        return new LogSettings(config.string(LEVEL_KEY).toUpperCase(Locale.ROOT),
                config.string(FORMAT_KEY).toUpperCase(Locale.ROOT));
    }

    Level logbackLevel() {
        return Level.toLevel(level);
    }

    /** Configures logback again from its logback.xml with these values. */
    void apply() {
        System.setProperty(LEVEL_KEY, level);
        System.setProperty(FORMAT_KEY, format);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml does not load", e);
        }
    }
}
