package io.combot.domain.port.out;

import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.IntentRoute;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.SessionId;
import java.util.List;

/** A bot shaped like the shipped one (the same intents and routes, shorter texts), for tests of the layers above. */
public final class TestBots {
    public static final String GREETING_REPLY = "Hello! How can I help you today?";
    public static final String FAREWELL_REPLY = "Goodbye! Come back any time.";
    public static final String THANKS_REPLY = "You're welcome! Is there anything else I can help with?";
    public static final String SAFETY_REPLY = "Please call your local emergency number now.";
    public static final String FALLBACK_REPLY = "Sorry, I can't answer that right now.";
    public static final String SYSTEM_PROMPT = "You are a test assistant.";

    private TestBots() {
    }

    public static BotDefinition definition() {
        return new BotDefinition("test-bot", List.of(
                reply("greeting", GREETING_REPLY),
                reply("farewell", FAREWELL_REPLY),
                reply("thanks", THANKS_REPLY),
                llm("question", "Answer the question."),
                llm("help", "Say what you can do."),
                llm("complaint", "Apologise once."),
                llm("smalltalk", null),
                new IntentDefinition(Intent.CRISIS, null, IntentRoute.SAFETY, List.of(), null, null)),
                IntentDefinition.llm(Intent.UNKNOWN), SYSTEM_PROMPT, SAFETY_REPLY, FALLBACK_REPLY,
                "The offline responder cannot answer that.");
    }

    /** The shipped intents answered by {@link KeywordClassifier}. */
    public static ServingBot keywordBot() {
        return new FixedServingBot(definition(), new KeywordClassifier(), KeywordClassifier.MODEL_VERSION);
    }

    public static ReplyRequest replyRequest(Intent intent, String content) {
        BotDefinition bot = definition();
        return new ReplyRequest(SessionId.random(), intent, content, List.of(), bot.systemPromptFor(intent),
                bot.offlineReplyFor(intent));
    }

    private static IntentDefinition reply(String name, String text) {
        return new IntentDefinition(Intent.of(name), null, IntentRoute.REPLY, List.of(text), null, null);
    }

    private static IntentDefinition llm(String name, String prompt) {
        return new IntentDefinition(Intent.of(name), null, IntentRoute.LLM, List.of(), prompt,
                "Offline answer to " + name + ".");
    }
}
