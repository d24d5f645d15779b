package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The service with a key, talking to the fake OpenAI server over HTTP through the real openai-java client. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LlmAndShutdownEndToEndTest {
    private static final String QUESTION = "{\"content\": \"How do I change the delivery address on my order?\"}";

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private FakeOpenAiServer llm;
    private CombotServer server;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        llm = FakeOpenAiServer.start();
        llm.behaviour(FakeLlmBehaviour.defaults().withReply("You can change it under Orders, then Edit address."));
        server = InProcessService.start(database, dataDir, Map.of(
                "COMBOT_OPENAI_API_KEY", "sk-test-e2e",
                "COMBOT_OPENAI_BASE_URL", llm.baseUrl(),
                "COMBOT_OPENAI_REQUEST_TIMEOUT", "5s",
                "COMBOT_SHUTDOWN_TIMEOUT", "10s"));
        api = new Api(server.port());
    }

    /** The server is null when its database was skipped (no PostgreSQL server given). */
    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        llm.close();
    }

    @Test
    void aQuestionIsAnsweredByTheLlmWithTheConversationSoFar() {
        String session = newSession();
        api.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"Hello there!\"}");

        Api.Reply sent = api.postJson("/api/v1/sessions/" + session + "/messages", QUESTION);

        JsonNode reply = sent.json().get("reply");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(reply.get("route").asString()).isEqualTo("llm");
        assertThat(reply.get("content").asString()).isEqualTo("You can change it under Orders, then Edit address.");
        assertThat(llm.calls()).isEqualTo(1);
        assertThat(llm.lastRequestBody()).contains("Hello there!").contains("delivery address");
    }

    @Test
    void aFailingLlmGivesTheDegradedFallbackAndKeepsTheUserMessage() {
        llm.behaviour(FakeLlmBehaviour.defaults().withErrorRate(1.0));
        String session = newSession();

        Api.Reply sent = api.postJson("/api/v1/sessions/" + session + "/messages", QUESTION);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("reply").get("route").asString()).isEqualTo("fallback");
        assertThat(sent.json().get("reply").get("degraded").asBoolean()).isTrue();
        JsonNode items = api.get("/api/v1/sessions/" + session + "/messages").json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("content").asString()).contains("delivery address");
    }

    @Test
    void theStatusShowsTheLlmCircuitOpeningWhenTheLlmKeepsFailing() {
        assertThat(circuit()).isEqualTo("closed");
        llm.behaviour(FakeLlmBehaviour.defaults().withErrorRate(1.0));
        String session = newSession();

        for (int message = 0; message < 10 && circuit().equals("closed"); message++) {
            assertThat(api.postJson("/api/v1/sessions/" + session + "/messages", QUESTION).status()).isEqualTo(200);
        }

        assertThat(circuit()).isEqualTo("open");
    }

    private String circuit() {
        return api.get("/api/v1/status").json().get("llmCircuit").asString();
    }

    @Test
    void stoppingLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
        llm.behaviour(FakeLlmBehaviour.defaults().withReply("Slow but complete.").withLatency(Duration.ofMillis(1_500)));
        String session = newSession();
        CompletableFuture<Api.Reply> inFlight = CompletableFuture.supplyAsync(
                () -> api.postJson("/api/v1/sessions/" + session + "/messages", QUESTION));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (llm.inFlight() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(llm.inFlight()).as("the request reached the LLM").isEqualTo(1);

        server.close();

        Api.Reply finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.json().get("reply").get("content").asString()).isEqualTo("Slow but complete.");
        assertThatThrownBy(() -> api.get("/health/live")).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void pastTheConcurrencyCapAndTheQueueRequestsAreRefusedWith503ButHealthAnswers() throws Exception {
        llm.behaviour(FakeLlmBehaviour.defaults().withReply("Slow.").withLatency(Duration.ofMillis(1_500)));
        try (CombotServer small = InProcessService.start(database, dataDir.resolve("small"), Map.of(
                "COMBOT_OPENAI_API_KEY", "sk-test-e2e",
                "COMBOT_OPENAI_BASE_URL", llm.baseUrl(),
                "COMBOT_HTTP_MAX_CONCURRENT_REQUESTS", "1",
                "COMBOT_HTTP_QUEUE_CAPACITY", "0"))) {
            Api smallApi = new Api(small.port());
            String session = smallApi.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            CompletableFuture<Api.Reply> slow = CompletableFuture.supplyAsync(
                    () -> smallApi.postJson("/api/v1/sessions/" + session + "/messages", QUESTION));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (llm.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            Api.Reply refused = smallApi.post("/api/v1/sessions", "application/json", "");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(503);
            assertThat(smallApi.get("/health/live").status()).isEqualTo(200);
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    private String newSession() {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }
}
