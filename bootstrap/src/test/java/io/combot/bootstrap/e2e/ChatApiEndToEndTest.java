package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The assembled service on a free port with the real adapters: SQLite or PostgreSQL, ONNX model, offline responder. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ChatApiEndToEndTest {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Parameter
    TestDatabase database;

    @TempDir
    static Path dataDir;

    private static CombotServer server;
    private static Api api;
    private String sessionId;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        server = InProcessService.start(database, dataDir.resolve(database.name()), Map.of());
        api = new Api(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newSession() {
        Api.Reply created = api.post("/api/v1/sessions", "application/json", "");
        assertThat(created.status()).isEqualTo(201);
        sessionId = created.json().get("id").asString();
    }

    @Test
    void aSessionIsCreatedWithAnUnguessableIdAndALocation() {
        Api.Reply created = api.post("/api/v1/sessions", "application/json", "");

        JsonNode body = created.json();
        assertThat(created.status()).isEqualTo(201);
        assertThat(body.get("id").asString()).matches(UUID_V4);
        assertThat(created.header("Location")).endsWith("/api/v1/sessions/" + body.get("id").asString());
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(body.get("expiresAt").asString()).isGreaterThan(body.get("createdAt").asString());
    }

    @Test
    void aSessionIsReadWithoutChangingIt() {
        Api.Reply first = api.get(path());
        Api.Reply second = api.get(path());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("messageCount").asLong()).isZero();
        assertThat(first.json().get("lastActivityAt").asString()).isNotBlank();
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void aGreetingTakesTheFastPath() {
        Api.Reply sent = send("Hello there!", null);

        assertThat(sent.status()).isEqualTo(200);
        JsonNode user = sent.json().get("userMessage");
        JsonNode reply = sent.json().get("reply");
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(user.get("content").asString()).isEqualTo("Hello there!");
        assertThat(user.get("intent").asString()).isEqualTo("greeting");
        assertThat(user.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(user.has("route")).isFalse();
        assertThat(reply.get("role").asString()).isEqualTo("assistant");
        assertThat(reply.get("route").asString()).isEqualTo("fast_path");
        assertThat(reply.get("degraded").asBoolean()).isFalse();
        assertThat(reply.has("intent")).isFalse();
    }

    @Test
    void aQuestionIsAnsweredByTheOfflineResponderWhenNoKeyIsSet() {
        Api.Reply sent = send("How do I change the delivery address on my order?", null);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("reply").get("route").asString()).isEqualTo("offline");
        assertThat(sent.json().get("reply").get("content").asString()).isNotBlank();
    }

    @Test
    void aCrisisGetsTheSafetyReply() {
        Api.Reply sent = send("I want to kill myself", null);

        assertThat(sent.json().get("userMessage").get("intent").asString()).isEqualTo("crisis");
        assertThat(sent.json().get("reply").get("route").asString()).isEqualTo("safety");
    }

    @Test
    void aRetriedSendReturnsTheStoredPairAndNoSecondReply() {
        Api.Reply first = send("Where is my parcel?", "client-42");
        Api.Reply retry = send("Where is my parcel?", "client-42");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(api.get(path()).json().get("messageCount").asLong()).isEqualTo(2);
    }

    @Test
    void historyPagesBackwardsOldestFirst() {
        send("Hello", null);
        send("Where is my parcel?", null);
        send("Thanks!", null);

        JsonNode newest = api.get(path() + "/messages?limit=4").json();
        assertThat(contents(newest)).containsExactly("Where is my parcel?", contents(newest).get(1), "Thanks!",
                contents(newest).get(3));
        String cursor = newest.get("nextBefore").asString();
        JsonNode older = api.get(path() + "/messages?limit=4&before=" + cursor).json();
        assertThat(contents(older)).hasSize(2).first().isEqualTo("Hello");
        assertThat(older.get("nextBefore").isNull()).isTrue();
        assertThat(api.get(path() + "/messages").json().get("items")).hasSize(6);
    }

    @Test
    void theClassifierAnswersAlone() {
        Api.Reply classified = api.postJson("/api/v1/classify", "{\"text\": \"Thank you so much, that helped\"}");

        JsonNode body = classified.json();
        assertThat(classified.status()).isEqualTo(200);
        assertThat(body.get("intent").asString()).isEqualTo("thanks");
        assertThat(body.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(body.get("scores").propertyNames()).contains("greeting", "thanks", "crisis");
        assertThat(body.get("modelVersion").asString()).isNotBlank();
    }

    @Test
    void healthSaysLiveAndReadyWithEachCheck() {
        Api.Reply live = api.get("/health/live");
        Api.Reply ready = api.get("/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        List<String> names = new ArrayList<>();
        ready.json().get("checks").forEach(check -> names.add(check.get("name").asString()));
        assertThat(names).contains("database", "model");
    }

    @Test
    void aDeletedSessionIsGoneWithItsMessages() {
        send("Hello", null);

        assertThat(api.delete(path()).status()).isEqualTo(204);

        assertProblem(api.get(path()), 404, "No session with this id exists");
        assertProblem(api.get(path() + "/messages"), 404, "No session with this id exists");
        assertProblem(api.delete(path()), 404, "No session with this id exists");
    }

    @Test
    void concurrentSendsToOneSessionAreAllStoredInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Api.Reply>> sends = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send("Question number " + i + "?", null), pool))
                    .toList();
            for (CompletableFuture<Api.Reply> send : sends) {
                assertThat(send.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode items = api.get(path() + "/messages?limit=200").json().get("items");
        assertThat(items).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(items.get(i).get("role").asString()).isEqualTo(i % 2 == 0 ? "user" : "assistant");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"content": "hi"           | Malformed JSON
            not an object         | ["hi"]                     | The body must be a JSON object
            a bare string         | "hi"                       | The body must be a JSON object
            content a boolean     | {"content": true}        | Field 'content' must be a string
            missing content       | {}                         | content is required
            null content          | {"content": null}          | content is required
            blank content         | {"content": "   "}         | content must not be blank
            content not a string  | {"content": 42}            | Field 'content' must be a string
            unknown field         | {"content": "hi", "x": 1}  | Unknown field 'x'; the allowed fields are clientMessageId, content
            duplicate field       | {"content": "a", "content": "b"} | Malformed JSON
            blank clientMessageId | {"content": "hi", "clientMessageId": " "} | clientMessageId must not be blank
            """)
    void badMessagesAreRefusedWith400AndWriteNothing(String name, String body, String detail) {
        assertProblem(api.postJson(path() + "/messages", body), 400, detail);
        assertThat(api.get(path()).json().get("messageCount").asLong()).isZero();
    }

    @Test
    void tooLongContentIsRefusedWithTheLimit() {
        assertProblem(api.postJson(path() + "/messages", Api.json(Map.of("content", "a".repeat(4_001)))), 400,
                "the text must be at most 4000 characters, but has 4001");
    }

    @Test
    void aTooLargeBodyIsRefusedWith413() {
        assertProblem(api.postJson(path() + "/messages", Api.json(Map.of("content", "a".repeat(70_000)))), 413,
                "larger than the limit of 65536 bytes");
        assertThat(api.get(path()).json().get("messageCount").asLong()).isZero();
    }

    /**
     * The client is still sending when the answer is ready: it must get the 413, not a reset connection. The service
     * drains bodies up to 16 times the limit (1 MiB here) for that; beyond, it closes without reading.
     */
    @ParameterizedTest
    @CsvSource({"65537", "200000", "1000000"})
    void anOversizedBodyIsAnsweredWith413EveryTimeWhileTheClientIsStillSending(int bytes) {
        String body = Api.json(Map.of("content", "a".repeat(bytes)));
        for (int attempt = 0; attempt < 20; attempt++) {
            assertProblem(api.postJson(path() + "/messages", body), 413, "larger than the limit of 65536 bytes");
        }
        assertThat(api.get(path()).json().get("messageCount").asLong()).isZero();
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        assertProblem(api.post(path() + "/messages", "text/plain", "hello"), 415, "text/plain");
    }

    @Test
    void aWrongMethodIsRefusedWith405() {
        Api.Reply reply = api.send("PUT", path(), "application/json", new byte[0]);

        assertProblem(reply, 405, "PUT");
        assertThat(reply.header("Allow")).contains("GET").contains("DELETE");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/sessions/6f9619ff-8b86-4011-b42d-00cf4fc964ff, 404",
            "/api/v1/sessions/not-a-session, 404",
            "/api/v1/sessions/%2e%2e%2f%2e%2e%2fetc%2fpasswd, 400",
            "/api/v1/nothing-here, 404"})
    void unknownOrAmbiguousPathsAreRefused(String path, int status) {
        assertProblem(api.get(path), status, "");
    }

    @ParameterizedTest
    @CsvSource({
            "limit=abc, limit must be an integer",
            "limit=0, limit must be between 1 and 200",
            "limit=201, limit must be between 1 and 200",
            "before=garbage, before must be the id of a message of this session",
            "before=6f9619ff-8b86-4011-b42d-00cf4fc964ff, before names no message of this session"})
    void badHistoryQueriesAre400(String query, String detail) {
        assertProblem(api.get(path() + "/messages?" + query), 400, detail);
    }

    @Test
    void classifyingNothingIs400() {
        assertProblem(api.postJson("/api/v1/classify", "{\"text\": \"\"}"), 400, "text must not be blank");
        assertProblem(api.postJson("/api/v1/classify", "{}"), 400, "text is required");
    }

    private static void assertProblem(Api.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Api.Reply send(String content, String clientMessageId) {
        Map<String, String> body = clientMessageId == null ? Map.of("content", content)
                : Map.of("content", content, "clientMessageId", clientMessageId);
        return api.postJson(path() + "/messages", Api.json(body));
    }

    private String path() {
        return "/api/v1/sessions/" + sessionId;
    }

    private static List<String> contents(JsonNode page) {
        List<String> contents = new ArrayList<>();
        page.get("items").forEach(item -> contents.add(item.get("content").asString()));
        return contents;
    }
}
