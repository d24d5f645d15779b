package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;
import java.util.Optional;
import java.util.OptionalDouble;

/** The test double of {@link ServingBot}: the parts it is given; its minimum confidence is its definition's. */
public record FixedServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion,
                              Optional<SearchKnowledgePort> knowledge) implements ServingBot {
    /** A bot without documents. */
    public FixedServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion) {
        this(definition, classifier, modelVersion, Optional.empty());
    }

    /** A bot whose documents {@code knowledge} searches. */
    public FixedServingBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion,
                           SearchKnowledgePort knowledge) {
        this(definition, classifier, modelVersion, Optional.of(knowledge));
    }

    @Override
    public OptionalDouble minConfidence() {
        return definition.minConfidence();
    }
}
