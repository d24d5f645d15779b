package io.combot.bootstrap;

import io.combot.adapter.in.web.ConfigurationReloader;
import java.util.Map;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration again from the sources it was first read from (the defaults, the operator's file, the
 * environment) and applies the log level; every other setting sizes pools, queues or threads built at start, so a
 * changed value is reported as needing a restart.
 */
final class ReloadableConfiguration implements ConfigurationReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadableConfiguration.class);

    private final Map<String, String> environment;
    private final ConfigSource loaded;

    ReloadableConfiguration(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.loaded = ConfigSource.load(environment);
    }

    @Override
    public synchronized Reloaded reload() {
        ConfigSource fresh = ConfigSource.load(environment);
        SortedSet<String> changed = loaded.changedKeys(fresh);
        LogSettings logging = LogSettings.from(fresh);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.combot")).setLevel(logging.logbackLevel());
        changed.remove(LogSettings.LEVEL_KEY);
        LOG.info("Configuration reloaded: {}={}; changed but needing a restart: {}", LogSettings.LEVEL_KEY,
                logging.level(), changed);
        return new Reloaded(Map.of(LogSettings.LEVEL_KEY, logging.level()), changed.stream().toList());
    }
}
