package io.combot.bootstrap;

import io.combot.adapter.in.web.AdminSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Operations: how often expired sessions are purged and in what batches, and the token that opens {@code /admin}
 * (null: the admin endpoints refuse every call). {@code environment} is what the settings were read from, kept so
 * that a reload reads the same sources again.
 */
record OpsSettings(Duration purgeInterval, int purgeBatchSize, String adminToken, Map<String, String> environment) {
    OpsSettings {
        environment = Map.copyOf(environment);
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("COMBOT_PURGE_INTERVAL must be positive");
        }
        if (purgeBatchSize < 1 || purgeBatchSize > 10_000) {
            throw new IllegalArgumentException("COMBOT_PURGE_BATCH_SIZE must be between 1 and 10000, not "
                    + purgeBatchSize);
        }
        if (adminToken != null && adminToken.length() < 16) {
            throw new IllegalArgumentException("COMBOT_ADMIN_TOKEN must be at least 16 characters long");
        }
    }

    boolean adminEnabled() {
        return adminToken != null;
    }

    /** The token for the web adapter, which checks it on every admin call. */
    AdminSettings admin() {
        return new AdminSettings(adminToken);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "OpsSettings[purgeInterval=" + purgeInterval + ", purgeBatchSize=" + purgeBatchSize
                + ", admin=" + (adminEnabled() ? "enabled" : "disabled") + "]";
    }
}
