package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;
import java.util.Optional;
import java.util.OptionalDouble;

/** The test double of {@link ServingBot}: the parts it is given. */
public record FixedServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion)
        implements ServingBot {
    @Override
    public Optional<SearchKnowledgePort> knowledge() {
        return Optional.empty();
    }

    @Override
    public OptionalDouble minConfidence() {
        return definition.minConfidence();
    }
}
