package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * When the passages a search found are evidence enough to answer from: the best of them must be at least
 * {@code minSimilarity} close to the question. Below that the bot says it does not know instead of guessing.
 */
public record GroundingPolicy(double minSimilarity) {
    public GroundingPolicy {
        InvalidInputException.require(minSimilarity >= -1 && minSimilarity <= 1,
                "minSimilarity is a cosine in [-1, 1], not " + minSimilarity);
    }

    public boolean grounded(List<ScoredPassage> found) {
        return found.stream().anyMatch(hit -> hit.similarity() >= minSimilarity);
    }
}
