package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * What a reply on the knowledge route read: the passages it cites, best first, or none when the documents did not
 * cover the question and the bot said it does not know ({@code grounded} false).
 */
public record KnowledgeSources(boolean grounded, List<Citation> citations) {
    public static final KnowledgeSources NOT_FOUND = new KnowledgeSources(false, List.of());

    public KnowledgeSources {
        InvalidInputException.require(citations != null, "A knowledge reply's citations may be empty, not null");
        citations = List.copyOf(citations);
        InvalidInputException.require(grounded != citations.isEmpty(),
                grounded ? "A grounded reply cites what it read" : "A reply that found nothing cites nothing");
    }
}
