package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * What a reply generator needs: the user's message, its intent as a hint, the recent conversation (oldest first), and
 * the bot's texts for this intent: the LLM's system prompt and the offline responder's answer. A client may add
 * {@code instructions} of its own, which an LLM reads after the bot's system prompt, never instead of it, and
 * {@code options} for the reply.
 */
public record ReplyRequest(SessionId sessionId, Intent intentHint, String userContent, List<ContextEntry> context,
                           List<String> instructions, String systemPrompt, String offlineReply,
                           ReplyOptions options) {
    public ReplyRequest {
        InvalidInputException.require(sessionId != null, "A reply request names its session");
        InvalidInputException.require(intentHint != null, "A reply request carries the intent hint");
        InvalidInputException.require(userContent != null && !userContent.isBlank(), "There is something to answer");
        InvalidInputException.require(context != null, "The context may be empty but not absent");
        InvalidInputException.require(instructions != null, "The client's instructions may be empty but not absent");
        InvalidInputException.require(systemPrompt != null && !systemPrompt.isBlank(), "There is a system prompt");
        InvalidInputException.require(offlineReply != null && !offlineReply.isBlank(), "There is an offline reply");
        InvalidInputException.require(options != null, "The reply options may be the defaults but not absent");
        context = List.copyOf(context);
        instructions = List.copyOf(instructions);
    }

    /**
     * The request to answer from {@code evidence}: the passages, numbered and quoted, follow the bot's system prompt
     * (so a client's instructions, which come after it, never replace them), and the offline responder quotes the
     * best passage.
     */
    public ReplyRequest withKnowledge(Evidence evidence) {
        return new ReplyRequest(sessionId, intentHint, userContent, context, instructions,
                systemPrompt + "\n\n" + evidence.forPrompt(), evidence.extract(), options);
    }

    /** A request with no instructions or options from the client. */
    public ReplyRequest(SessionId sessionId, Intent intentHint, String userContent, List<ContextEntry> context,
                        String systemPrompt, String offlineReply) {
        this(sessionId, intentHint, userContent, context, List.of(), systemPrompt, offlineReply,
                ReplyOptions.DEFAULT);
    }
}
