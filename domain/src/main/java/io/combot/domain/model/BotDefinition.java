package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a bot knows and how it answers: its intents with their routes, what a message it is unsure of gets, and the
 * texts every intent shares. A team writes it as data ({@code bot.yaml}); the service reads it, never Java code.
 *
 * @param intents        every intent the classifier can name, crisis included, in the model's order
 * @param unknown        how a message below the confidence threshold is answered
 * @param systemPrompt   the start of every LLM prompt; an intent's own prompt is added after it
 * @param safetyReply    the answer of every intent with route safety
 * @param fallbackReply  the answer when the LLM fails
 * @param offlineReply   the offline responder's answer to an intent that has no {@code offline} text of its own
 * @param knowledge      how the intents with route knowledge answer
 * @param minConfidence  below this the intent is unknown ({@code min_confidence}); empty leaves it to training
 */
public record BotDefinition(String name, List<IntentDefinition> intents, IntentDefinition unknown,
                            String systemPrompt, String safetyReply, String fallbackReply, String offlineReply,
                            KnowledgeReplies knowledge, OptionalDouble minConfidence) {
    public static final int MAX_NAME_LENGTH = 100;

    public BotDefinition {
        InvalidInputException.require(name != null && !name.isBlank(), "a bot has a name");
        InvalidInputException.require(name.length() <= MAX_NAME_LENGTH,
                "a bot's name has at most " + MAX_NAME_LENGTH + " characters");
        InvalidInputException.require(intents != null, "a bot has intents");
        intents = List.copyOf(intents);
        Set<Intent> seen = new HashSet<>();
        for (IntentDefinition definition : intents) {
            InvalidInputException.require(seen.add(definition.intent()),
                    "intent " + definition.intent() + " is defined twice");
            InvalidInputException.require(!Intent.UNKNOWN.equals(definition.intent()),
                    "intent unknown is reserved: say how it is answered under the key 'unknown', not as an intent");
        }
        InvalidInputException.require(seen.contains(Intent.CRISIS), "a bot has the intent crisis");
        InvalidInputException.require(seen.size() >= 2, "a bot has at least one intent besides crisis");
        InvalidInputException.require(unknown != null && Intent.UNKNOWN.equals(unknown.intent()),
                "a bot says how the intent unknown is answered");
        requireText(systemPrompt, "system_prompt");
        requireText(safetyReply, "safety_reply");
        requireText(fallbackReply, "fallback_reply");
        requireText(offlineReply, "offline_reply");
        InvalidInputException.require(knowledge != null, "a bot says how its knowledge route answers");
        InvalidInputException.require(minConfidence != null, "min_confidence is a number or left out, not null");
        minConfidence.ifPresent(value -> InvalidInputException.require(value >= 0 && value <= 1,
                "min_confidence lies between 0 and 1, not " + value));
    }

    /** A bot whose knowledge route, if it has one, answers as {@link KnowledgeReplies#DEFAULT}. */
    public BotDefinition(String name, List<IntentDefinition> intents, IntentDefinition unknown, String systemPrompt,
                         String safetyReply, String fallbackReply, String offlineReply, OptionalDouble minConfidence) {
        this(name, intents, unknown, systemPrompt, safetyReply, fallbackReply, offlineReply, KnowledgeReplies.DEFAULT,
                minConfidence);
    }

    /** A bot whose minimum confidence is left to training. */
    public BotDefinition(String name, List<IntentDefinition> intents, IntentDefinition unknown, String systemPrompt,
                         String safetyReply, String fallbackReply, String offlineReply, KnowledgeReplies knowledge) {
        this(name, intents, unknown, systemPrompt, safetyReply, fallbackReply, offlineReply, knowledge,
                OptionalDouble.empty());
    }

    public BotDefinition(String name, List<IntentDefinition> intents, IntentDefinition unknown, String systemPrompt,
                         String safetyReply, String fallbackReply, String offlineReply) {
        this(name, intents, unknown, systemPrompt, safetyReply, fallbackReply, offlineReply, KnowledgeReplies.DEFAULT,
                OptionalDouble.empty());
    }

    /** The intents the classifier names, in the model's order. */
    public List<Intent> intentNames() {
        return intents.stream().map(IntentDefinition::intent).toList();
    }

    /** How {@code intent} is answered; an intent this bot does not name is answered as unknown. */
    public IntentDefinition definitionOf(Intent intent) {
        return intents.stream().filter(definition -> definition.intent().equals(intent)).findFirst().orElse(unknown);
    }

    /** The system prompt for an LLM answer to {@code intent}: the bot's, then the intent's own. */
    public String systemPromptFor(Intent intent) {
        String specific = definitionOf(intent).prompt();
        return specific == null ? systemPrompt : systemPrompt + "\n\n" + specific;
    }

    public String offlineReplyFor(Intent intent) {
        String specific = definitionOf(intent).offline();
        return specific == null ? offlineReply : specific;
    }

    private static void requireText(String text, String key) {
        InvalidInputException.require(text != null && !text.isBlank(), "a bot's " + key + " must not be blank");
    }
}
