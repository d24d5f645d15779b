package io.combot.adapter.out.ml;

import io.combot.tools.settings.ShippedDefaults;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** The classifier as the service ships it: the defaults file's values, under the keys bootstrap reads. */
public final class ShippedSettings {
    private ShippedSettings() {
    }

    public static ClassifierSettings classifier() {
        return new ClassifierSettings(ShippedDefaults.integer("COMBOT_CLASSIFIER_WORKERS"),
                ShippedDefaults.integer("COMBOT_CLASSIFIER_INTRA_OP_THREADS"),
                ShippedDefaults.integer("COMBOT_CLASSIFIER_BATCH_SIZE"),
                ShippedDefaults.duration("COMBOT_CLASSIFIER_BATCH_WAIT"),
                ShippedDefaults.integer("COMBOT_CLASSIFIER_QUEUE_CAPACITY"),
                ShippedDefaults.duration("COMBOT_CLASSIFIER_RETRY_AFTER"),
                ShippedDefaults.integer("COMBOT_CLASSIFIER_MAX_TOKENS"),
                ShippedDefaults.integer("COMBOT_CLASSIFIER_CACHE_SIZE"),
                ShippedDefaults.optional("COMBOT_CLASSIFIER_CRISIS_THRESHOLD").map(Double::parseDouble)
                        .map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                ShippedDefaults.optional("COMBOT_BOT_DIR").map(Path::of).orElse(null));
    }
}
