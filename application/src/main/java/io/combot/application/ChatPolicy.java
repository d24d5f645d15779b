package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.time.Duration;

/**
 * The service's rules for a conversation, set by configuration (what the bot says is the bot's: {@code bot.yaml}).
 *
 * @param maxContentChars   longest message a user may send
 * @param idleTimeout       a session expires after this long without a turn
 * @param minConfidence     below this the intent is unknown (crisis excepted: the classifier tunes its own threshold)
 * @param contextMessages   how many recent messages are handed to the reply generator
 * @param turnWait          how long a send waits for an earlier send to the same session before giving up
 * @param maxSessionsPerOwner how many unexpired sessions one owner (one client key) may hold at once
 */
public record ChatPolicy(
        int maxContentChars,
        Duration idleTimeout,
        double minConfidence,
        int contextMessages,
        Duration turnWait,
        int maxSessionsPerOwner) {

    public ChatPolicy {
        InvalidInputException.require(maxContentChars > 0, "maxContentChars must be positive");
        InvalidInputException.require(idleTimeout != null && idleTimeout.compareTo(Duration.ZERO) > 0,
                "idleTimeout must be positive");
        InvalidInputException.require(minConfidence >= 0 && minConfidence <= 1, "minConfidence lies between 0 and 1");
        InvalidInputException.require(contextMessages >= 0, "contextMessages must not be negative");
        InvalidInputException.require(turnWait != null && !turnWait.isNegative(), "turnWait must not be negative");
        InvalidInputException.require(maxSessionsPerOwner > 0, "maxSessionsPerOwner must be positive");
    }

    /** Rejects content the service will not take, with the reason. */
    void checkContent(String content) {
        InvalidInputException.require(content.length() <= maxContentChars,
                "the text must be at most " + maxContentChars + " characters, but has " + content.length());
    }

    /** The classification as the rest of the service sees it: unsure intents become unknown, crisis never does. */
    Classification resolve(Classification classification) {
        if (Intent.CRISIS.equals(classification.intent()) || classification.confidence() >= minConfidence) {
            return classification;
        }
        return classification.asUnknown();
    }
}
