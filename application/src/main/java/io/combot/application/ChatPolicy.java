package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.ServingBot;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The service's rules for a conversation, set by configuration (what the bot says is the bot's: {@code bot.yaml}).
 *
 * @param maxContentChars   longest message a user may send
 * @param idleTimeout       a session expires after this long without a turn
 * @param minConfidence     the operator's override of the bot's minimum confidence, below which the intent is unknown
 *                          (crisis excepted: the classifier tunes its own threshold); empty leaves it to the bot
 * @param contextMessages   how many recent messages are handed to the reply generator
 * @param turnWait          how long a send waits for an earlier send to the same session before giving up
 * @param maxSessionsPerOwner how many unexpired sessions one owner (one client key) may hold at once
 */
public record ChatPolicy(
        int maxContentChars,
        Duration idleTimeout,
        OptionalDouble minConfidence,
        int contextMessages,
        Duration turnWait,
        int maxSessionsPerOwner) {

    public ChatPolicy {
        InvalidInputException.require(maxContentChars > 0, "maxContentChars must be positive");
        InvalidInputException.require(idleTimeout != null && idleTimeout.compareTo(Duration.ZERO) > 0,
                "idleTimeout must be positive");
        InvalidInputException.require(minConfidence != null && (minConfidence.isEmpty()
                || minConfidence.getAsDouble() >= 0 && minConfidence.getAsDouble() <= 1),
                "minConfidence is empty or lies between 0 and 1");
        InvalidInputException.require(contextMessages >= 0, "contextMessages must not be negative");
        InvalidInputException.require(turnWait != null && !turnWait.isNegative(), "turnWait must not be negative");
        InvalidInputException.require(maxSessionsPerOwner > 0, "maxSessionsPerOwner must be positive");
    }

    /** Rejects content the service will not take, with the reason. */
    void checkContent(String content) {
        InvalidInputException.require(content.length() <= maxContentChars,
                "the text must be at most " + maxContentChars + " characters, but has " + content.length());
    }

    /**
     * The minimum confidence when neither the operator nor the bot sets one: a bot trained before training chose it.
     */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    /** The minimum confidence {@code bot} is served with: the operator's, else the bot's own, else the default. */
    double minConfidenceOf(ServingBot bot) {
        return minConfidence.isPresent() ? minConfidence.getAsDouble()
                : bot.minConfidence().orElse(DEFAULT_MIN_CONFIDENCE);
    }

    /** The classification as the rest of the service sees it: unsure intents become unknown, crisis never does. */
    Classification resolve(Classification classification, ServingBot bot) {
        if (Intent.CRISIS.equals(classification.intent()) || Intent.UNKNOWN.equals(classification.intent())
                || classification.confidence() >= minConfidenceOf(bot)) {
            return classification;
        }
        return classification.asUnknown();
    }
}
