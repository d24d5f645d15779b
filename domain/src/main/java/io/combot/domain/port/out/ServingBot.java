package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;
import java.util.OptionalDouble;

/**
 * A bot as it serves: its definition and the classifier trained for exactly its intents. A turn takes one and uses
 * it throughout, so that a swap never classifies with one bot and answers with another.
 */
public interface ServingBot {
    BotDefinition definition();

    ClassifyMessagePort classifier();

    /** The version of the classifier's model, as every classification it makes names it. */
    String modelVersion();

    /**
     * Below this confidence the bot's intent is unknown: {@code min_confidence} of {@code bot.yaml}, else the value its
     * training chose on held-out texts; empty when neither says.
     */
    default OptionalDouble minConfidence() {
        return definition().minConfidence();
    }
}
