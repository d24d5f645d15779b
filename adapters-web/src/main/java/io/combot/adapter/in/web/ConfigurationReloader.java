package io.combot.adapter.in.web;

import java.util.List;
import java.util.Map;

/** {@code POST /admin/settings/reload}: bootstrap, which reads the configuration, implements it. */
public interface ConfigurationReloader {
    /**
     * Reads the configuration again and applies what may change while running.
     *
     * @throws IllegalArgumentException naming the setting, when the configuration read is invalid; nothing is applied
     */
    Reloaded reload();

    /**
     * @param applied         the settings applied, with their values
     * @param restartRequired the other settings whose values changed, which take effect at the next start
     */
    record Reloaded(Map<String, String> applied, List<String> restartRequired) {
        public Reloaded {
            applied = Map.copyOf(applied);
            restartRequired = List.copyOf(restartRequired);
        }
    }
}
