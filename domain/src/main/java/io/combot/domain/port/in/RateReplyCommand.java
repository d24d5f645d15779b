package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Rating;

/** Rates the reply {@code reply} names; {@code comment} may be null. */
public record RateReplyCommand(MessageQuery reply, Rating rating, String comment) {
    public RateReplyCommand {
        InvalidInputException.require(reply != null, "A rating names the reply it rates");
        InvalidInputException.require(rating != null, "rating must be \"up\" or \"down\", not missing");
    }
}
