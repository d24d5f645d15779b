package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST …/messages/stream over real HTTP, with the LLM's tokens coming from the fake OpenAI server. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StreamingEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPLY = "Open Orders, choose the order, then Edit address and save the new one.";

    record Event(String name, JsonNode data) {
    }

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private FakeOpenAiServer llm;
    private CombotServer server;
    private Api api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        llm = FakeOpenAiServer.start();
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(REPLY).withTokenLatency(Duration.ofMillis(20)));
        server = InProcessService.start(database, dataDir, Map.of(
                "COMBOT_OPENAI_API_KEY", "sk-test-stream",
                "COMBOT_OPENAI_BASE_URL", llm.baseUrl()));
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
    void aReplyStreamsAsTheModelWritesItAndIsStoredOnce() throws Exception {
        String session = newSession();

        List<Event> events = readAll(stream(session, "How do I change the delivery address on my order?"));

        assertThat(events.get(0).name()).isEqualTo("message");
        assertThat(events.get(0).data().get("intent").asString()).isEqualTo("question");
        List<Event> deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
        assertThat(deltas).hasSizeGreaterThan(3);
        Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        String streamed = String.join("", deltas.stream().map(d -> d.data().get("text").asString()).toList());
        assertThat(streamed).isEqualTo(REPLY);
        assertThat(done.data().get("reply").get("content").asString()).isEqualTo(REPLY);
        assertThat(done.data().get("reply").get("route").asString()).isEqualTo("llm");
        assertThat(done.data().get("userMessage").get("id").asString())
                .isEqualTo(events.get(0).data().get("id").asString());
        assertThat(api.get("/api/v1/sessions/" + session).json().get("messageCount").asLong()).isEqualTo(2);
    }

    @Test
    void aFastPathReplyStreamsAsOneDelta() throws Exception {
        List<Event> events = readAll(stream(newSession(), "Hello there!"));

        assertThat(events).extracting(Event::name).containsExactly("message", "delta", "done");
        assertThat(events.get(2).data().get("reply").get("route").asString()).isEqualTo("fast_path");
        assertThat(llm.calls()).isZero();
    }

    @Test
    void errorsBeforeTheStreamAreOrdinaryProblems() throws Exception {
        HttpResponse<InputStream> unknown = stream("6f9619ff-8b86-4011-b42d-00cf4fc964ff", "Hello?");
        HttpResponse<InputStream> blank = stream(newSession(), " ");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(unknown.body().readAllBytes(), StandardCharsets.UTF_8)).contains("No session");
        assertThat(blank.statusCode()).isEqualTo(400);
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamCallAndThePartialReplyIsStoredAsDegraded() throws Exception {
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(REPLY.repeat(10)).withTokenLatency(Duration.ofMillis(50)));
        String session = newSession();
        HttpResponse<InputStream> response = stream(session, "How do I change the delivery address on my order?");
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        while (!reader.readLine().startsWith("event: delta")) {
            // read up to the first piece of the reply, then hang up
        }
        response.body().close();

        JsonNode reply = api.awaitFirstReply(session, Duration.ofSeconds(20));
        // The fake server notices the hang-up only when it writes its next token, which may come after the store.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (llm.abortedStreams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(reply.get("degraded").asBoolean()).isTrue();
        assertThat(reply.get("content").asString()).isNotBlank().hasSizeLessThan(REPLY.repeat(10).length());
        assertThat(llm.abortedStreams()).isEqualTo(1);
    }

    private HttpResponse<InputStream> stream(String session, String content) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sessions/" + session + "/messages/stream"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("content", content))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static List<Event> readAll(HttpResponse<InputStream> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(name, JSON.readTree(line.substring("data: ".length()))));
                }
            }
        }
        return events;
    }

    private String newSession() {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }
}
