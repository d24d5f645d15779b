package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/** A search of a bot's documents: the words, how many passages at most, and the method. */
public record KnowledgeQuery(String text, int limit, RetrievalMethod method) {
    public static final int MAX_LIMIT = 50;
    /** The passages a search returns when its caller names no limit. */
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LENGTH = 2000;

    public KnowledgeQuery {
        InvalidInputException.require(text != null && !text.isBlank(), "query must not be blank");
        InvalidInputException.require(text.length() <= MAX_LENGTH,
                "query must be at most " + MAX_LENGTH + " characters");
        InvalidInputException.require(limit >= 1 && limit <= MAX_LIMIT,
                "limit must lie between 1 and " + MAX_LIMIT + ", not " + limit);
        InvalidInputException.require(method != null, "A knowledge query names its retrieval method");
    }

    public static KnowledgeQuery hybrid(String text, int limit) {
        return new KnowledgeQuery(text, limit, RetrievalMethod.HYBRID);
    }
}
