package io.combot.adapter.out.llm;

import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.TestBots;
import io.combot.domain.model.Message;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.SessionId;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.time.Duration;
import java.util.List;

/** Settings against a local fake server with test-sized timeouts, so that failure tests take a second, not thirty. */
final class TestSettings {
    static final String API_KEY = "sk-test-SECRET-4f9c2a71e0";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** For settings that reach no server: the discard port, where no test listens. */
    static final String NO_SERVER = "http://127.0.0.1:9/v1";

    private TestSettings() {
    }

    static LlmSettings against(FakeOpenAiServer server) {
        return at(server.baseUrl());
    }

    static LlmSettings against(FakeOpenAiServer server, Duration requestTimeout, int maxRetries,
                               int maxConcurrentCalls, Duration maxWait, int contextBudgetChars) {
        return at(API_KEY, server.baseUrl(), requestTimeout, maxRetries, maxConcurrentCalls, maxWait,
                contextBudgetChars);
    }

    /** The default test settings against any base URL, e.g. one where nothing listens. */
    static LlmSettings at(String baseUrl) {
        return withKey(API_KEY, baseUrl);
    }

    /** The default test settings with another key: null or blank selects the offline responder. */
    static LlmSettings withKey(String apiKey, String baseUrl) {
        return at(apiKey, baseUrl, REQUEST_TIMEOUT, 2, 16, Duration.ofMillis(50), 4000);
    }

    private static LlmSettings at(String apiKey, String baseUrl, Duration requestTimeout, int maxRetries,
                                  int maxConcurrentCalls, Duration maxWait, int contextBudgetChars) {
        return new LlmSettings(apiKey, baseUrl, "fake-model", 0.2, 256, Duration.ofSeconds(1),
                requestTimeout, maxConcurrentCalls, maxWait, maxRetries, contextBudgetChars,
                Duration.ofMillis(300));
    }

    static OpenAiReplyAdapter adapter(LlmSettings settings) {
        return new OpenAiReplyAdapter(settings);
    }

    /** The first call in a JVM loads the client's classes for about a second; tests timing calls do it first. */
    static void warmUp(FakeOpenAiServer server) {
        try (OpenAiReplyAdapter adapter = adapter(against(server))) {
            adapter.generate(request(Intent.of("question"), "warm up", List.of()), ReplySink.DISCARD);
        }
    }

    static ReplyRequest request(Intent intent, String content, List<Message> context) {
        BotDefinition bot = TestBots.definition();
        return new ReplyRequest(SessionId.random(), intent, content,
                context.stream().map(ContextEntry::of).toList(), bot.systemPromptFor(intent),
                bot.offlineReplyFor(intent));
    }
}
