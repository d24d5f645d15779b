package io.combot.bootstrap.e2e;

import static io.combot.bootstrap.e2e.AccessEndToEndTest.sha256;
import static io.combot.bootstrap.e2e.OperationsEndToEndTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Ratings of replies over real HTTP, with two client keys: stored, shown in history, counted, and owned. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FeedbackEndToEndTest {
    private static final String ALICE = "alice-feedback-5Jk8";
    private static final String BOB = "bob-feedback-2Hq7";

    @Parameter
    TestDatabase database;

    @TempDir
    static Path dataDir;

    private static CombotServer server;
    private static Api alice;
    private static Api bob;
    private String session;
    private JsonNode turn;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        server = InProcessService.start(database, dataDir.resolve(database.name()), Map.of(
                "COMBOT_API_KEYS", "alice:" + sha256(ALICE) + ",bob:" + sha256(BOB)));
        alice = new Api(server.port(), ALICE);
        bob = new Api(server.port(), BOB);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aTurn() {
        session = alice.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
        turn = alice.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"Hello there!\"}").json();
    }

    @Test
    void aRatingIsStoredShownInHistoryAndCountedOncePerChange() {
        String reply = turn.get("reply").get("id").asString();
        String before = alice.get("/metrics").body();

        Api.Reply up = put(alice, session, reply, "{\"rating\": \"up\"}");
        Api.Reply down = put(alice, session, reply, "{\"rating\": \"down\", \"comment\": \"Too short 🙃\"}");
        Api.Reply again = put(alice, session, reply, "{\"rating\": \"down\", \"comment\": \"Too short 🙃\"}");

        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().get("rating").asString()).isEqualTo("up");
        assertThat(up.json().has("comment")).isFalse();
        assertThat(down.json().get("rating").asString()).isEqualTo("down");
        assertThat(down.json().get("comment").asString()).isEqualTo("Too short 🙃");
        assertThat(again.status()).isEqualTo(200);
        JsonNode items = alice.get("/api/v1/sessions/" + session + "/messages").json().get("items");
        assertThat(items.get(0).has("feedback")).as("a user message has no feedback").isFalse();
        assertThat(items.get(1).get("feedback").get("rating").asString()).isEqualTo("down");
        assertThat(items.get(1).get("feedback").get("comment").asString()).isEqualTo("Too short 🙃");
        assertThat(items.get(1).get("feedback").get("ratedAt").asString()).isEqualTo(again.json().get("ratedAt")
                .asString());

        String after = alice.get("/metrics").body();
        String[] downOnGreeting = {"rating=\"down\"", "route=\"fast_path\"", "intent=\"greeting\""};
        assertThat(count(after, "combot_feedback_total", downOnGreeting))
                .as("the repeated rating is not counted again")
                .isEqualTo(count(before, "combot_feedback_total", downOnGreeting) + 1);
        assertThat(count(after, "combot_feedback_total", "rating=\"up\"", "intent=\"greeting\""))
                .isEqualTo(count(before, "combot_feedback_total", "rating=\"up\"", "intent=\"greeting\"") + 1);
    }

    @Test
    void aRemovedRatingLeavesTheReplyUnrated() {
        String reply = turn.get("reply").get("id").asString();
        put(alice, session, reply, "{\"rating\": \"up\"}");

        assertThat(alice.delete(feedback(session, reply)).status()).isEqualTo(204);
        assertThat(alice.delete(feedback(session, reply)).status()).as("again").isEqualTo(204);
        JsonNode items = alice.get("/api/v1/sessions/" + session + "/messages").json().get("items");
        assertThat(items.get(1).has("feedback")).isFalse();
    }

    @Test
    void badRatingsAndCommentsAndUserMessagesAre400WithAPreciseDetail() {
        String reply = turn.get("reply").get("id").asString();
        String user = turn.get("userMessage").get("id").asString();

        assertProblem(put(alice, session, reply, "{\"rating\": \"meh\"}"), 400,
                "rating must be \"up\" or \"down\", not 'meh'");
        assertProblem(put(alice, session, reply, "{}"), 400, "rating must be \"up\" or \"down\", not missing");
        assertProblem(put(alice, session, reply, "{\"rating\": \"up\", \"comment\": \"" + "x".repeat(1001) + "\"}"),
                400, "comment has at most 1000 characters, not 1001");
        assertProblem(put(alice, session, reply, "{\"rating\": \"up\", \"stars\": 5}"), 400, "stars");
        assertProblem(put(alice, session, user, "{\"rating\": \"up\"}"), 400,
                "Feedback rates a reply; message " + user + " is a user message");
        JsonNode items = alice.get("/api/v1/sessions/" + session + "/messages").json().get("items");
        assertThat(items.get(1).has("feedback")).as("nothing was stored").isFalse();
    }

    @Test
    void unknownMessagesMessagesOfAnotherSessionAndAnotherKeysSessionAre404() {
        String reply = turn.get("reply").get("id").asString();
        String other = alice.post("/api/v1/sessions", "application/json", "").json().get("id").asString();

        assertProblem(put(alice, session, UUID.randomUUID().toString(), "{\"rating\": \"up\"}"), 404,
                "No message with this id exists");
        assertProblem(put(alice, session, "not-an-id", "{\"rating\": \"up\"}"), 404, "No message with this id exists");
        assertProblem(put(alice, other, reply, "{\"rating\": \"up\"}"), 404, "No message with this id exists");
        assertProblem(put(bob, session, reply, "{\"rating\": \"up\"}"), 404, "No session with this id exists");
        assertThat(bob.delete(feedback(session, reply)).status()).isEqualTo(404);
        JsonNode items = alice.get("/api/v1/sessions/" + session + "/messages").json().get("items");
        assertThat(items.get(1).has("feedback")).isFalse();
    }

    private static Api.Reply put(Api api, String session, String message, String json) {
        return api.send("PUT", feedback(session, message), "application/json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String feedback(String session, String message) {
        return "/api/v1/sessions/" + session + "/messages/" + message + "/feedback";
    }

    private static void assertProblem(Api.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains(detail);
    }
}
