package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;

/**
 * One intent of a bot and how it is answered.
 *
 * @param description what the intent is, for people; may be null
 * @param replies     the fixed replies of a {@link IntentRoute#REPLY} intent, one picked per turn; empty otherwise
 * @param prompt      added to the bot's system prompt when the LLM answers this intent; may be null
 * @param offline     the offline responder's answer to this intent; null takes the bot's default
 */
public record IntentDefinition(Intent intent, String description, IntentRoute route, List<String> replies,
                               String prompt, String offline) {
    public IntentDefinition {
        InvalidInputException.require(intent != null, "An intent definition names its intent");
        InvalidInputException.require(route != null, "intent " + intent + " needs a route (reply, llm or safety)");
        replies = replies == null ? List.of() : List.copyOf(replies);
        if (route == IntentRoute.REPLY) {
            InvalidInputException.require(!replies.isEmpty(),
                    "intent " + intent + " has route reply but no replies: give it one or more texts");
        } else {
            InvalidInputException.require(replies.isEmpty(),
                    "intent " + intent + " has replies but route " + route.label() + ": replies need route reply");
        }
        InvalidInputException.require(replies.stream().noneMatch(String::isBlank),
                "intent " + intent + " has a blank reply");
        InvalidInputException.require(!Intent.CRISIS.equals(intent) || route == IntentRoute.SAFETY,
                "intent crisis must have route safety, not " + route.label());
        InvalidInputException.require(prompt == null || !prompt.isBlank(), "intent " + intent + " has a blank prompt");
        InvalidInputException.require(offline == null || !offline.isBlank(),
                "intent " + intent + " has a blank offline reply");
    }

    public static IntentDefinition llm(Intent intent) {
        return new IntentDefinition(intent, null, IntentRoute.LLM, List.of(), null, null);
    }
}
