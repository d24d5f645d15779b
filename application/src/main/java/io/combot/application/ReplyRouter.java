package io.combot.application;

import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.Route;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The routing rule, as the bot defines it: an intent with route reply gets one of its fixed replies at once, route
 * safety gets the bot's safety reply, and routes llm and knowledge go to the reply generator with the intent as a
 * hint (knowledge with the passages the bot's documents gave).
 */
final class ReplyRouter {
    /** A reply that needs no generator. */
    record FixedReply(Route route, String text) {
    }

    private ReplyRouter() {
    }

    /** The fixed reply for {@code intent} in {@code bot}, or empty when the generator must answer. */
    static Optional<FixedReply> fixedReplyFor(BotDefinition bot, IntentDefinition intent) {
        return switch (intent.route()) {
            case SAFETY -> Optional.of(new FixedReply(Route.SAFETY, bot.safetyReply()));
            case REPLY -> Optional.of(new FixedReply(Route.FAST_PATH, pick(intent.replies())));
            case LLM, KNOWLEDGE -> Optional.empty();
        };
    }

    /** Variations of a reply are picked at random, as people expect of a bot that has several. */
    private static String pick(List<String> replies) {
        return replies.size() == 1 ? replies.get(0) : replies.get(ThreadLocalRandom.current().nextInt(replies.size()));
    }
}
