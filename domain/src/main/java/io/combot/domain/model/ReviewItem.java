package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Optional;

/** A user message in the review inbox, with how its reply was routed and rated, and its label if it has one. */
public record ReviewItem(UserMessage message, Route replyRoute, Feedback feedback, Label label) {
    public ReviewItem {
        InvalidInputException.require(message != null && replyRoute != null,
                "A review item has the user message and its reply's route");
    }

    public Optional<Feedback> optionalFeedback() {
        return Optional.ofNullable(feedback);
    }

    public Optional<Label> optionalLabel() {
        return Optional.ofNullable(label);
    }

    /** What a store can tell without knowing the threshold: an unsure classification was stored as unknown. */
    public boolean lowConfidence() {
        return Intent.UNKNOWN.equals(message.classification().intent());
    }

    public boolean downRated() {
        return feedback != null && feedback.rating() == Rating.DOWN;
    }
}
