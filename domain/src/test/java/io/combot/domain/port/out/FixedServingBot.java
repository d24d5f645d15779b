package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;

/** The test double of {@link ServingBot}: the parts it is given. */
public record FixedServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion)
        implements ServingBot {
}
