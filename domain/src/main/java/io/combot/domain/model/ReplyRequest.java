package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * What a reply generator needs: the user's message, its intent as a hint, the recent conversation (oldest first), and
 * the bot's texts for this intent: the LLM's system prompt and the offline responder's answer.
 */
public record ReplyRequest(SessionId sessionId, Intent intentHint, String userContent, List<Message> context,
                           String systemPrompt, String offlineReply) {
    public ReplyRequest {
        InvalidInputException.require(sessionId != null, "A reply request names its session");
        InvalidInputException.require(intentHint != null, "A reply request carries the intent hint");
        InvalidInputException.require(userContent != null && !userContent.isBlank(), "There is something to answer");
        InvalidInputException.require(context != null, "The context may be empty but not absent");
        InvalidInputException.require(systemPrompt != null && !systemPrompt.isBlank(), "There is a system prompt");
        InvalidInputException.require(offlineReply != null && !offlineReply.isBlank(), "There is an offline reply");
        context = List.copyOf(context);
    }
}
