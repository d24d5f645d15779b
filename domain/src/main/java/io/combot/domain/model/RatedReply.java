package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * Feedback as stored, with the turn it rates; {@code changed} is false when the reply already had this rating, so
 * that a repeated request is not counted twice.
 */
public record RatedReply(Turn turn, Feedback feedback, boolean changed) {
    public RatedReply {
        InvalidInputException.require(turn != null && feedback != null, "A rated reply has its turn and feedback");
        InvalidInputException.require(turn.reply().id().equals(feedback.replyId()), "The feedback rates the turn's reply");
    }
}
