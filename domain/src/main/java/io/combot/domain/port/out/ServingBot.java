package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A bot as it serves: its definition and the classifier trained for exactly its intents. A turn takes one and uses
 * it throughout, so that a swap never classifies with one bot and answers with another. Among the ports, not in the
 * model: it hands out ports, which the model cannot name without a cycle (docs/architecture.md, "What a serving bot
 * is").
 */
public interface ServingBot {
    BotDefinition definition();

    ClassifyMessagePort classifier();

    /**
     * The version of the classifier's model, as every classification it makes names it; with a knowledge index, the
     * index's version too ({@link io.combot.domain.model.KnowledgeIndexSummary#servedVersion}).
     */
    String modelVersion();

    /**
     * The bot's documents, searchable, when its folder has an index of them. Abstract, as is {@link #minConfidence()},
     * so that a wrapper of a serving bot cannot drop either by leaving it out.
     */
    Optional<SearchKnowledgePort> knowledge();

    /**
     * Below this confidence the bot's intent is unknown: {@code min_confidence} of {@code bot.yaml}, else the value its
     * training chose on held-out texts; empty when neither says.
     */
    OptionalDouble minConfidence();
}
