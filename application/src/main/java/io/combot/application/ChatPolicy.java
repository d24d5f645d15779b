package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The service's rules for a conversation, set by configuration.
 *
 * @param maxContentChars   longest message a user may send
 * @param idleTimeout       a session expires after this long without a turn
 * @param minConfidence     below this the intent is unknown (crisis excepted: the classifier tunes its own threshold)
 * @param contextMessages   how many recent messages are handed to the reply generator
 * @param turnWait          how long a send waits for an earlier send to the same session before giving up
 * @param cannedReplies     the fast-path replies (greeting, farewell, thanks)
 * @param safetyReply       the fixed reply to a crisis message
 * @param fallbackReply     the reply when the generator fails
 * @param maxSessionsPerOwner how many unexpired sessions one owner (one client key) may hold at once
 */
public record ChatPolicy(
        int maxContentChars,
        Duration idleTimeout,
        double minConfidence,
        int contextMessages,
        Duration turnWait,
        Map<Intent, String> cannedReplies,
        String safetyReply,
        String fallbackReply,
        int maxSessionsPerOwner) {

    public static final String DEFAULT_SAFETY_REPLY = "It sounds like you may be going through something really hard, "
            + "and I'm glad you said it. I'm an automated assistant and can't give you the help you deserve right now. "
            + "If you are in danger or thinking about hurting yourself, please call your local emergency number now, "
            + "or reach a crisis line such as 988 (US) or 116 123 (Samaritans, UK and Ireland). "
            + "You don't have to go through this alone.";

    public static final String DEFAULT_FALLBACK_REPLY = "Sorry, I can't answer that right now. "
            + "Your message was saved; please try again in a moment.";

    public ChatPolicy {
        InvalidInputException.require(maxContentChars > 0, "maxContentChars must be positive");
        InvalidInputException.require(idleTimeout != null && idleTimeout.compareTo(Duration.ZERO) > 0,
                "idleTimeout must be positive");
        InvalidInputException.require(minConfidence >= 0 && minConfidence <= 1, "minConfidence lies between 0 and 1");
        InvalidInputException.require(contextMessages >= 0, "contextMessages must not be negative");
        InvalidInputException.require(turnWait != null && !turnWait.isNegative(), "turnWait must not be negative");
        InvalidInputException.require(cannedReplies != null && cannedReplies.keySet().equals(ReplyRouter.FAST_PATH),
                "cannedReplies needs exactly one reply for each of " + ReplyRouter.FAST_PATH);
        InvalidInputException.require(cannedReplies.values().stream().noneMatch(String::isBlank),
                "canned replies must not be blank");
        InvalidInputException.require(safetyReply != null && !safetyReply.isBlank(), "safetyReply must not be blank");
        InvalidInputException.require(fallbackReply != null && !fallbackReply.isBlank(),
                "fallbackReply must not be blank");
        InvalidInputException.require(maxSessionsPerOwner > 0, "maxSessionsPerOwner must be positive");
        cannedReplies = Map.copyOf(new EnumMap<>(cannedReplies));
    }

    public static ChatPolicy defaults() {
        return new ChatPolicy(4_000, Duration.ofHours(1), 0.5, 20, Duration.ofSeconds(30), defaultCannedReplies(),
                DEFAULT_SAFETY_REPLY, DEFAULT_FALLBACK_REPLY, 1_000);
    }

    public static Map<Intent, String> defaultCannedReplies() {
        return Map.of(
                Intent.GREETING, "Hello! How can I help you today?",
                Intent.FAREWELL, "Goodbye! Come back any time.",
                Intent.THANKS, "You're welcome! Is there anything else I can help with?");
    }

    /** Rejects content the service will not take, with the reason. */
    void checkContent(String content) {
        InvalidInputException.require(content.length() <= maxContentChars,
                "the text must be at most " + maxContentChars + " characters, but has " + content.length());
    }

    /** The classification as the rest of the service sees it: unsure intents become unknown, crisis never does. */
    Classification resolve(Classification classification) {
        if (classification.intent() == Intent.CRISIS || classification.confidence() >= minConfidence) {
            return classification;
        }
        return classification.asUnknown();
    }
}
