package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on two ports sharing one PostgreSQL database, as behind a load balancer: what one
 * stores the other serves, and sends to one session through both at once are all stored once, in one order.
 */
class TwoInstancesEndToEndTest {
    private static final String ANSWER = "The fake model answers: ";
    private static final String TOKEN = "admin-token-for-two-instances";
    private static final int SENDERS_PER_INSTANCE = 4;
    private static final int SENDS_PER_SENDER = 4;

    @TempDir
    Path dataDir;

    private FakeOpenAiServer llm;
    private final List<CombotServer> servers = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    @BeforeEach
    void startTwoInstancesOnOneDatabase() throws Exception {
        llm = FakeOpenAiServer.start();
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(ANSWER + "{user}"));
        // one schema shared by both instances, so not the TestDatabase overload, which makes a schema per call
        Map<String, String> shared = TestDatabase.POSTGRESQL.with(Map.of(
                "COMBOT_OPENAI_API_KEY", "sk-test-two",
                "COMBOT_OPENAI_BASE_URL", llm.baseUrl(),
                "COMBOT_ADMIN_TOKEN", TOKEN));
        for (String name : List.of("a", "b")) {
            CombotServer server = InProcessService.start(dataDir.resolve(name), shared);
            servers.add(server);
            apis.add(new Api(server.port()));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(CombotServer::close);
        llm.close();
    }

    @Test
    void aSessionCreatedOnOneInstanceIsUsableOnTheOther() {
        String session = newSession(apis.get(0));

        assertThat(apis.get(1).get(path(session)).status()).isEqualTo(200);
        assertThat(send(apis.get(1), session, "Hello there!").status()).isEqualTo(200);
        assertThat(apis.get(0).get(path(session)).json().get("messageCount").asLong()).isEqualTo(2);
        assertThat(apis.get(0).get(path(session) + "/messages").json().get("items")).hasSize(2);

        assertThat(apis.get(1).delete(path(session)).status()).isEqualTo(204);
        assertThat(apis.get(0).get(path(session)).status()).isEqualTo(404);
    }

    /** Feedback and labels given through one instance are what the other's inbox and export show. */
    @Test
    void bothInstancesShowTheSameInboxAndLabels() {
        String session = newSession(apis.get(0));
        JsonNode turn = send(apis.get(0), session, "How do I reset my password?").json();
        String user = turn.get("userMessage").get("id").asString();
        String reply = turn.get("reply").get("id").asString();
        Api adminA = new Api(servers.get(0).port(), TOKEN);
        Api adminB = new Api(servers.get(1).port(), TOKEN);

        assertThat(apis.get(1).send("PUT", path(session) + "/messages/" + reply + "/feedback", "application/json",
                "{\"rating\": \"down\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(adminB.send("PUT", "/admin/review/" + user, "application/json",
                "{\"intent\": \"help\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);

        JsonNode inboxA = adminA.get("/admin/review?reason=down_rated").json();
        assertThat(adminB.get("/admin/review?reason=down_rated").json()).isEqualTo(inboxA);
        assertThat(inboxA.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("messageId").asString()).isEqualTo(user);
            assertThat(item.get("label").get("intent").asString()).isEqualTo("help");
        });
        String export = adminA.get("/admin/labels.tsv").body();
        assertThat(adminB.get("/admin/labels.tsv").body()).isEqualTo(export);
        assertThat(export).contains("help\tHow do I reset my password?\t# message ");
    }

    @Test
    void twoTurnsAnsweredAtTheSameTimeOnBothInstancesAreBothStored() throws Exception {
        String session = newSession(apis.get(0));
        // Slow enough that both calls are in flight together: each instance read the session before its call and
        // writes after it, so both turns start at the same sequence, and the second to write must move behind.
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(ANSWER + "{user}").withLatency(Duration.ofMillis(800)));
        llm.resetRecords();

        List<JsonNode> sent = sendAll(session, 1, 1);

        assertThat(llm.peakInFlight()).as("both turns were answered at the same time").isEqualTo(2);
        assertStoredOnceInOneOrder(session, sent);
    }

    @Test
    void manySendsThroughBothInstancesAtOnceAreAllStoredOnceInOneOrder() throws Exception {
        String session = newSession(apis.get(0));
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(ANSWER + "{user}").withLatency(Duration.ofMillis(20)));

        List<JsonNode> sent = sendAll(session, SENDERS_PER_INSTANCE, SENDS_PER_SENDER);

        assertStoredOnceInOneOrder(session, sent);
    }

    /** {@code each} questions, one after the other, from each of {@code senders} senders on each instance, at once. */
    private List<JsonNode> sendAll(String session, int senders, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * senders);
        try {
            List<Callable<List<JsonNode>>> work = new ArrayList<>();
            for (int sender = 0; sender < 2 * senders; sender++) {
                Api api = apis.get(sender % 2);
                String name = "sender " + sender;
                work.add(() -> {
                    List<JsonNode> turns = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Api.Reply reply = send(api, session, "How do I do step " + i + " as " + name + "?");
                        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                        turns.add(reply.json());
                    }
                    return turns;
                });
            }
            List<JsonNode> sent = new ArrayList<>();
            for (Future<List<JsonNode>> done : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
                sent.addAll(done.get());
            }
            return sent;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Both instances serve the same history: every turn once, each reply right after its own message, and the
     * LLM asked once per turn (a turn that lost its place was moved, not answered again).
     */
    private void assertStoredOnceInOneOrder(String session, List<JsonNode> sent) {
        JsonNode items = apis.get(0).get(path(session) + "/messages?limit=200").json().get("items");
        assertThat(apis.get(1).get(path(session) + "/messages?limit=200").json().get("items")).isEqualTo(items);
        assertThat(items).hasSize(2 * sent.size());
        assertThat(apis.get(1).get(path(session)).json().get("messageCount").asLong()).isEqualTo(items.size());
        List<String> storedPairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            JsonNode user = items.get(i);
            JsonNode reply = items.get(i + 1);
            assertThat(user.get("role").asString()).isEqualTo("user");
            assertThat(reply.get("role").asString()).isEqualTo("assistant");
            assertThat(reply.get("content").asString()).isEqualTo(ANSWER + user.get("content").asString());
            storedPairs.add(user.get("id").asString() + "/" + reply.get("id").asString());
        }
        List<String> sentPairs = sent.stream().map(turn -> turn.get("userMessage").get("id").asString() + "/"
                + turn.get("reply").get("id").asString()).toList();
        assertThat(storedPairs).containsExactlyInAnyOrderElementsOf(sentPairs);
        assertThat(llm.calls()).isEqualTo(sent.size());
    }

    private static String newSession(Api api) {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }

    private static Api.Reply send(Api api, String session, String content) {
        return api.postJson(path(session) + "/messages", Api.json(Map.of("content", content)));
    }

    private static String path(String session) {
        return "/api/v1/sessions/" + session;
    }
}
