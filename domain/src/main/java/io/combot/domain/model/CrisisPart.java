package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * Which part of a message its crisis screening caught: the part's index (from 0) among the message's parts and its
 * crisis score. Never the part's text: logs and traces name the part, the stored message holds the words.
 */
public record CrisisPart(int index, int parts, double score) {
    public CrisisPart {
        InvalidInputException.require(parts > 1 && index >= 0 && index < parts,
                "A crisis part is one of a message's two or more parts, not " + index + " of " + parts);
        InvalidInputException.require(score >= 0.0 && score <= 1.0, "A crisis score lies between 0 and 1, not " + score);
    }
}
