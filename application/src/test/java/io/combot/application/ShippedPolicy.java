package io.combot.application;

import java.util.OptionalDouble;
import io.combot.tools.settings.ShippedDefaults;

/** The conversation rules the service ships with: the defaults file's values, under the keys bootstrap reads. */
public final class ShippedPolicy {
    private ShippedPolicy() {
    }

    public static ChatPolicy read() {
        return new ChatPolicy(ShippedDefaults.integer("COMBOT_MAX_CONTENT_CHARS"),
                ShippedDefaults.duration("COMBOT_SESSION_IDLE_TIMEOUT"),
                ShippedDefaults.optional("COMBOT_MIN_CONFIDENCE").map(Double::parseDouble).map(OptionalDouble::of)
                        .orElse(OptionalDouble.empty()), ShippedDefaults.integer("COMBOT_CONTEXT_MESSAGES"),
                ShippedDefaults.duration("COMBOT_TURN_WAIT"), ShippedDefaults.integer("COMBOT_MAX_SESSIONS_PER_KEY"));
    }
}
