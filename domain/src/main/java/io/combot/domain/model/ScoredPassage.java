package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * A passage as a search found it.
 *
 * @param score      how the search ranked it (higher first); comparable only within one search
 * @param similarity the cosine between the query's and the passage's embeddings, in [-1, 1], whichever method
 *                   found it: the one figure on a fixed scale, so the one a grounding decision can use
 */
public record ScoredPassage(Passage passage, double score, double similarity) {
    public ScoredPassage {
        InvalidInputException.require(passage != null, "A scored passage has a passage");
        InvalidInputException.require(Double.isFinite(score), "A passage's score is finite, not " + score);
        InvalidInputException.require(similarity >= -1.0001 && similarity <= 1.0001,
                "A cosine similarity lies in [-1, 1], not " + similarity);
    }
}
