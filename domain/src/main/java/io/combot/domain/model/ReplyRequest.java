package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * What a reply generator needs: the user's message, its intent as a hint, and the recent conversation, oldest first.
 */
public record ReplyRequest(SessionId sessionId, Intent intentHint, String userContent, List<Message> context) {
    public ReplyRequest {
        InvalidInputException.require(sessionId != null, "A reply request names its session");
        InvalidInputException.require(intentHint != null, "A reply request carries the intent hint");
        InvalidInputException.require(userContent != null && !userContent.isBlank(), "There is something to answer");
        InvalidInputException.require(context != null, "The context may be empty but not absent");
        context = List.copyOf(context);
    }
}
