package io.combot.domain.port.out;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.BotDefinition;

/**
 * A bot as it serves: its definition and the classifier trained for exactly its intents. A turn takes one and uses
 * it throughout, so that a swap never classifies with one bot and answers with another.
 */
public record ServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion) {
    public ServingBot {
        InvalidInputException.require(definition != null, "a serving bot has a definition");
        InvalidInputException.require(classifier != null, "a serving bot has a classifier");
        InvalidInputException.require(modelVersion != null && !modelVersion.isBlank(),
                "a serving bot names its model version");
    }
}
