package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * How a bot answers on its knowledge route, as the {@code knowledge:} section of its {@code bot.yaml} says.
 *
 * @param noAnswer  the reply when its documents do not cover a question ({@code no_answer})
 * @param grounding how close the best passage must be to answer from it ({@code min_similarity})
 * @param passages  the passages a reply reads and cites, best first
 */
public record KnowledgeReplies(String noAnswer, GroundingPolicy grounding, int passages) {
    /** The threshold bench/knowledge chose on SQuAD and an off-topic set (docs/knowledge.md). */
    public static final double DEFAULT_MIN_SIMILARITY = 0.38;
    public static final int DEFAULT_PASSAGES = 5;
    public static final KnowledgeReplies DEFAULT = new KnowledgeReplies(
            "I could not find that in our documents, so I would rather not guess. Could you ask it another way?",
            new GroundingPolicy(DEFAULT_MIN_SIMILARITY), DEFAULT_PASSAGES);

    public KnowledgeReplies {
        InvalidInputException.require(noAnswer != null && !noAnswer.isBlank(), "knowledge.no_answer must not be blank");
        InvalidInputException.require(grounding != null, "a bot's knowledge replies have a grounding policy");
        InvalidInputException.require(passages >= 1 && passages <= KnowledgeQuery.MAX_LIMIT,
                "a knowledge reply reads between 1 and " + KnowledgeQuery.MAX_LIMIT + " passages");
    }
}
