package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.combot.bootstrap.CombotServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The review inbox and labels over real HTTP, as an operator would use them: uncertain and down-rated messages show
 * up, a label outlives the purge of its session and comes out in train.tsv's format.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ReviewEndToEndTest {
    private static final String TOKEN = "admin-token-for-the-review-test";
    /** Short, so that the purge test need not wait long; each test acts on its session at once. */
    private static final Duration IDLE = Duration.ofSeconds(4);

    @Parameter
    TestDatabase database;

    @TempDir
    static Path dataDir;

    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static CombotServer server;
    private static Api client;
    private static Api admin;
    private String session;
    private JsonNode sure;
    private JsonNode unsure;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        LOG.start();
        root().addAppender(LOG);
        // A high threshold, so that a nonsense text is surely below it while a plain greeting is above it.
        server = InProcessService.start(database, dataDir.resolve(database.name()), Map.of(
                "COMBOT_ADMIN_TOKEN", TOKEN, "COMBOT_MIN_CONFIDENCE", "0.9",
                "COMBOT_SESSION_IDLE_TIMEOUT", IDLE.toSeconds() + "s"));
        client = new Api(server.port());
        admin = new Api(server.port(), TOKEN);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
        root().detachAppender(LOG);
        LOG.list.clear();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @BeforeEach
    void twoTurnsOneRatedDown() {
        session = client.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
        sure = send("Hello there!");
        unsure = send("qzx vlorp 7 brrr");
        assertThat(sure.get("userMessage").get("intent").asString()).as("the greeting is above the threshold")
                .isEqualTo("greeting");
        assertThat(unsure.get("userMessage").get("intent").asString()).as("the nonsense is below it")
                .isEqualTo("unknown");
        Api.Reply rated = client.send("PUT", "/api/v1/sessions/" + session + "/messages/"
                        + sure.get("reply").get("id").asString() + "/feedback", "application/json",
                "{\"rating\": \"down\", \"comment\": \"rude\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
    }

    @Test
    void uncertainAndDownRatedMessagesAreInTheInboxWithWhatAPersonNeeds() {
        List<JsonNode> all = inbox("all");
        assertThat(all).extracting(item -> item.get("messageId").asString())
                .containsExactly(id(unsure), id(sure));
        assertThat(inbox("low_confidence")).extracting(item -> item.get("messageId").asString())
                .containsExactly(id(unsure));
        assertThat(inbox("down_rated")).extracting(item -> item.get("messageId").asString())
                .containsExactly(id(sure));

        JsonNode rated = all.get(1);
        assertThat(rated.get("sessionId").asString()).isEqualTo(session);
        assertThat(rated.get("text").asString()).isEqualTo("Hello there!");
        assertThat(rated.get("intent").asString()).isEqualTo("greeting");
        assertThat(rated.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(rated.get("route").asString()).isEqualTo("fast_path");
        assertThat(rated.get("feedback").get("rating").asString()).isEqualTo("down");
        assertThat(rated.get("feedback").get("comment").asString()).isEqualTo("rude");
        assertThat(rated.get("createdAt").asString()).isEqualTo(sure.get("userMessage").get("createdAt").asString());
        assertThat(rated.has("label")).isFalse();
        assertThat(all.get(0).get("route").asString()).isEqualTo("offline");
        assertThat(all.get(0).has("feedback")).isFalse();
    }

    @Test
    void theInboxPagesWithTheCursorAndRefusesBadQueries() {
        JsonNode first = admin.get("/admin/review?limit=1").json();
        assertThat(first.get("items")).hasSize(1);
        String cursor = first.get("nextBefore").asString();
        assertThat(cursor).isEqualTo(first.get("items").get(0).get("messageId").asString());
        JsonNode second = admin.get("/admin/review?limit=1&before=" + cursor).json();
        assertThat(second.get("items").get(0).get("messageId").asString()).isNotEqualTo(cursor);

        assertProblem(admin.get("/admin/review?reason=bad"), 400,
                "reason must be one of low_confidence, down_rated, all, not 'bad'");
        assertProblem(admin.get("/admin/review?limit=0"), 400, "limit must be between 1 and 200");
        assertProblem(admin.get("/admin/review?before=" + UUID.randomUUID()), 400, "before names no user message");
        assertProblem(client.get("/admin/review"), 401, "Send Authorization: Bearer <admin token>");
        assertProblem(new Api(server.port(), "not-the-admin-token-at-all").get("/admin/labels.tsv"), 403,
                "The admin token is not valid");
    }

    @Test
    void aDeletedSessionTakesItsFeedbackAndMessagesOutOfTheInbox() {
        assertThat(client.delete("/api/v1/sessions/" + session).status()).isEqualTo(204);

        assertThat(inbox("all")).isEmpty();
    }

    @Test
    void aLabelSurvivesThePurgeOfItsSessionAndIsExportedInTrainTsvFormat() throws Exception {
        Api.Reply labelled = label(id(unsure), "smalltalk");
        assertThat(labelled.status()).as(labelled.body()).isEqualTo(200);
        assertThat(labelled.json().get("text").asString()).isEqualTo("qzx vlorp 7 brrr");
        assertThat(label(id(sure), "greeting").status()).isEqualTo(200);
        assertThat(label(id(sure), "complaint").status()).as("relabelled").isEqualTo(200);
        assertThat(inbox("low_confidence").get(0).get("label").get("intent").asString()).isEqualTo("smalltalk");

        Thread.sleep(IDLE.plusMillis(500).toMillis());
        assertThat(admin.post("/admin/purge", "application/json", "").json().get("purged").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(client.get("/api/v1/sessions/" + session).status()).isEqualTo(404);
        assertThat(inbox("all")).as("the session's messages are gone").isEmpty();

        Api.Reply export = admin.get("/admin/labels.tsv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/tab-separated-values");
        assertThat(export.body().lines().filter(line -> !line.startsWith("#")).toList()).containsSubsequence(
                "smalltalk\tqzx vlorp 7 brrr\t# message " + id(unsure), "complaint\tHello there!\t# message " + id(sure));
        String future = java.time.Instant.now().plusSeconds(3600).toString();
        assertThat(admin.get("/admin/labels.tsv?since=" + future).body().lines()
                .filter(line -> !line.startsWith("#"))).isEmpty();
        assertProblem(admin.get("/admin/labels.tsv?since=yesterday"), 400,
                "since must be an ISO-8601 instant between the years 0 and 9999 such as 2026-11-29T10:00:00Z, "
                        + "not 'yesterday'");

        String exported = "smalltalk\tqzx vlorp 7 brrr\t# message " + id(unsure);
        assertThat(exported(exported)).isEqualTo(1);
        assertThat(admin.delete("/admin/review/" + id(unsure)).status()).as("unlabelled after the purge").isEqualTo(204);
        assertThat(exported(exported)).isZero();
        assertThat(exported("# unlabelled " + id(unsure))).as("the removal, for the next merge").isEqualTo(1);
        assertThat(admin.delete("/admin/review/" + id(unsure)).status()).as("neither label nor message")
                .isEqualTo(404);
    }

    /** Python's splitlines() splits at 0x1C to 0x1E as at a newline: the export holds no control character. */
    @Test
    void everyControlCharacterOfALabelledTextIsASpaceInTheExport() {
        String text = "qzx\u001bvlorp\u001c7\u001dbrrr\u001e8\u007fzz\u0085yy\u2028xx";
        JsonNode turn = send(text);
        assertThat(label(id(turn), "smalltalk").status()).isEqualTo(200);

        assertThat(admin.get("/admin/labels.tsv").body().lines())
                .contains("smalltalk\tqzx vlorp 7 brrr 8 zz yy xx\t# message " + id(turn));
    }

    @Test
    void aSinceOutsideTheYears0To9999Is400NotAnOverflow() {
        for (String since : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            assertProblem(admin.get("/admin/labels.tsv?since=" + since.replace("+", "%2B")), 400,
                    "since must be an ISO-8601 instant between the years 0 and 9999 such as 2026-11-29T10:00:00Z, "
                            + "not '" + since + "'");
        }
        assertThat(admin.get("/admin/labels.tsv?since=0000-01-01T00:00:00Z").status()).isEqualTo(200);
    }

    /** Texts and comments are user data: neither the inbox, labels and export nor their refusals log them. */
    @Test
    void noLogLineHoldsATextOrAComment() {
        inbox("all");
        label(id(unsure), "smalltalk");
        label(id(unsure), "weather");
        admin.get("/admin/labels.tsv");
        admin.send("PUT", "/admin/review/" + id(unsure), "application/json",
                "{\"intent\": \"qzx vlorp\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(LOG.list).isNotEmpty();
        for (ILoggingEvent event : List.copyOf(LOG.list)) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain("qzx vlorp").doesNotContain("rude");
        }
    }

    @Test
    void aLabelNamesAnIntentOfTheServingBotAndAUserMessage() {
        assertProblem(label(id(unsure), "weather"), 400, "The serving bot combot-default has no intent weather");
        assertProblem(label(id(unsure), "Not An Intent"), 400, "An intent name is lowercase letters");
        assertProblem(label(sure.get("reply").get("id").asString(), "greeting"), 400, "is a reply");
        assertProblem(label(UUID.randomUUID().toString(), "greeting"), 404, "No message with this id exists");
        assertThat(inbox("all").get(0).has("label")).as("nothing was stored").isFalse();
    }

    private JsonNode send(String text) {
        Api.Reply reply = client.postJson("/api/v1/sessions/" + session + "/messages",
                "{\"content\": " + Api.json(text) + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static long exported(String line) {
        return admin.get("/admin/labels.tsv").body().lines().filter(line::equals).count();
    }

    private static Api.Reply label(String messageId, String intent) {
        return admin.send("PUT", "/admin/review/" + messageId, "application/json",
                ("{\"intent\": " + Api.json(intent) + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** This test's session's items for {@code reason}: other tests share the database. */
    private List<JsonNode> inbox(String reason) {
        Api.Reply page = admin.get("/admin/review?limit=200&reason=" + reason);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        page.json().get("items").forEach(item -> {
            if (item.get("sessionId").asString().equals(session)) {
                mine.add(item);
            }
        });
        return mine;
    }

    private static String id(JsonNode turn) {
        return turn.get("userMessage").get("id").asString();
    }

    private static void assertProblem(Api.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains(detail);
    }
}
