package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** How a bot answers an intent, as its {@code bot.yaml} says. */
public enum IntentRoute {
    /** One of the intent's fixed replies, at once (the reply's route is {@link Route#FAST_PATH}). */
    REPLY,
    /** The LLM, or the offline responder when none is configured, with the intent's prompt. */
    LLM,
    /** The bot's safety reply. */
    SAFETY,
    /** From the bot's documents: the passages found, worded by the LLM (or quoted offline), with citations. */
    KNOWLEDGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntentRoute fromLabel(String label) {
        return Arrays.stream(values()).filter(route -> route.label().equals(label)).findFirst()
                .orElseThrow(() -> new InvalidInputException("route '" + label + "' is not one of reply, llm, safety, knowledge"));
    }
}
