package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.combot.bootstrap.CombotServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Client keys, their rate limit and their session quota, over real HTTP. */
class AccessEndToEndTest {
    private static final Map<String, String> SECRETS = Map.of(
            "alice", "alice-7Qm2x9v0", "bob", "bob-Lk3pZ8w1", "carol", "carol-Xy4Rt6u2", "dave", "dave-Pq9Wn1e5");
    private static final int BURST = 20;
    private static final int SESSIONS_PER_KEY = 3;

    @TempDir
    static Path dataDir;

    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static CombotServer server;

    @BeforeAll
    static void start() throws Exception {
        LOG.start();
        root().addAppender(LOG);
        server = InProcessService.start(dataDir, Map.of(
                "COMBOT_API_KEYS", keyList(),
                // a bucket that does not refill within the test: each key has exactly BURST requests
                "COMBOT_RATE_LIMIT_PER_SECOND", "0.001",
                "COMBOT_RATE_LIMIT_BURST", Integer.toString(BURST),
                "COMBOT_MAX_SESSIONS_PER_KEY", Integer.toString(SESSIONS_PER_KEY)));
    }

    @AfterAll
    static void stop() {
        server.close();
        root().detachAppender(LOG);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String keyList() {
        StringBuilder list = new StringBuilder();
        SECRETS.forEach((name, secret) -> list.append(list.isEmpty() ? "" : ",").append(name).append(':')
                .append(sha256(secret)));
        return list.toString();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api as(String name) {
        return new Api(server.port(), SECRETS.get(name));
    }

    @Test
    void aMissingOrWrongKeyIsUnauthorizedAndWritesNothing() {
        Api.Reply sessionOfAlice = as("alice").post("/api/v1/sessions", "application/json", "");
        String path = "/api/v1/sessions/" + sessionOfAlice.json().get("id").asString();

        for (Api api : new Api[] {new Api(server.port()), new Api(server.port(), "wrong"),
                new Api(server.port(), sha256(SECRETS.get("alice")))}) {
            for (Api.Reply reply : new Api.Reply[] {api.post("/api/v1/sessions", "application/json", ""),
                    api.get(path), api.delete(path),
                    api.postJson(path + "/messages", "{\"content\":\"hello\"}"),
                    api.postJson("/api/v1/classify", "{\"text\":\"hello\"}")}) {
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
                assertThat(reply.json().get("detail").asString()).contains("Authorization: Bearer");
            }
        }
        assertThat(as("alice").get(path).json().get("messageCount").asLong()).isZero();
        assertThat(new Api(server.port()).get("/health/live").status()).as("probes need no key").isEqualTo(200);
        assertThat(new Api(server.port()).get("/health/ready").status()).as("probes need no key").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/status", "/openapi.json", "/assets/chat.js", "/assets/auth.js", "/metrics"})
    void thePagesAndTheMetricsScrapeNeedNoKeyButTheStatusDataDoes(String path) {
        Api anonymous = new Api(server.port());

        assertThat(anonymous.get(path).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/status").status()).isEqualTo(401);
        assertThat(as("alice").get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void adminCallsAnswerToTheAdminTokenNotToAClientKey() {
        Api.Reply withClientKey = as("alice").get("/admin/memory");

        assertThat(withClientKey.status()).as("no admin token is configured here").isEqualTo(403);
        assertThat(withClientKey.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/v1/classify", "/api/v1/../v1/classify", "/health/../api/v1/classify",
            "//api/v1/classify", "/api;x=1/v1/classify", "/api/v1/classify;x=1", "/API/v1/classify",
            "/api/v1/classify/", "/health/live/../../api/v1/classify", "/api/v1/%63lassify", "/api%2fv1/classify",
            "/%68ealth/../api/v1/classify", "/health%2f..%2fapi/v1/classify", "/health/%2e%2e/api/v1/classify"})
    void noSpellingOfAPathGetsPastTheKeyCheck(String target) throws Exception {
        RawHttp.Answer answer = new RawHttp(server.port()).send("POST", target,
                Map.of("Content-Type", "application/json"), "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(target).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "bearer  ", "Basic YWxpY2U6c2VjcmV0", "Bearer \u00e9\u00e8",
            "Bearer alice-7Qm2x9v0 extra", "Bearer\talice-7Qm2x9v0", "Token alice-7Qm2x9v0", "alice-7Qm2x9v0",
            "Bearer ' OR 1=1 --", "Bearer ../../etc/passwd"})
    void hostileAuthorizationHeadersAreUnauthorized(String header) throws Exception {
        RawHttp.Answer answer = new RawHttp(server.port()).send("GET",
                "/api/v1/sessions/" + java.util.UUID.randomUUID(),
                Map.of("Authorization", header), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOversizedHeaderIsRefusedWithAProblem() throws Exception {
        RawHttp.Answer answer = new RawHttp(server.port()).send("GET", "/api/v1/sessions",
                Map.of("Authorization", "Bearer " + "k".repeat(64 * 1024)), null);

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aSessionBelongsToTheKeyThatCreatedItAndIsNotFoundForAnother() {
        Api alice = as("alice");
        Api bob = as("bob");
        String id = alice.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
        String path = "/api/v1/sessions/" + id;
        Api.Reply unknown = bob.get("/api/v1/sessions/" + java.util.UUID.randomUUID());

        for (Api.Reply reply : new Api.Reply[] {bob.get(path), bob.get(path + "/messages"),
                bob.postJson(path + "/messages", "{\"content\":\"hello\"}"), bob.delete(path)}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        }
        assertThat(alice.postJson(path + "/messages", "{\"content\":\"hello\"}").status()).isEqualTo(200);
        assertThat(alice.get(path).json().get("messageCount").asLong()).isEqualTo(2);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() {
        Api carol = as("carol");
        for (int i = 0; i < BURST; i++) {
            assertThat(carol.postJson("/api/v1/classify", "{\"text\":\"hi\"}").status()).isEqualTo(200);
        }

        Api.Reply limited = carol.postJson("/api/v1/classify", "{\"text\":\"hi\"}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().get("retryAfterSeconds").asLong()).isPositive();
        assertThat(as("bob").postJson("/api/v1/classify", "{\"text\":\"hi\"}").status()).isEqualTo(200);
    }

    @Test
    void aKeyHoldsAtMostItsQuotaOfSessions() {
        Api dave = as("dave");
        String first = null;
        for (int i = 0; i < SESSIONS_PER_KEY; i++) {
            Api.Reply created = dave.post("/api/v1/sessions", "application/json", "");
            assertThat(created.status()).isEqualTo(201);
            first = first == null ? created.json().get("id").asString() : first;
        }

        Api.Reply refused = dave.post("/api/v1/sessions", "application/json", "");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(SESSIONS_PER_KEY + " unexpired sessions");
        assertThat(dave.delete("/api/v1/sessions/" + first).status()).isEqualTo(204);
        assertThat(dave.post("/api/v1/sessions", "application/json", "").status()).isEqualTo(201);
    }

    @Test
    void noLogLineHoldsAKeyOrItsDigest() {
        as("alice").get("/api/v1/sessions/" + java.util.UUID.randomUUID());
        new Api(server.port(), "not-a-key-" + SECRETS.get("bob")).get("/api/v1/sessions");

        assertThat(LOG.list).isNotEmpty();
        for (ILoggingEvent event : LOG.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            SECRETS.values().forEach(secret -> assertThat(line).doesNotContain(secret).doesNotContain(sha256(secret)));
        }
    }

    /** Spring MVC's own "no mapping" and "method not supported" warnings would name the raw path, session id and all. */
    @Test
    void anUnmappedPathOrMethodUnderASessionLeavesItsIdOutOfTheLog() {
        Api bob = as("bob");
        String session = bob.post("/api/v1/sessions", "application/json", "").json().get("id").asString();

        assertThat(bob.get("/api/v1/sessions/" + session + "/no-such-thing").status()).isEqualTo(404);
        assertThat(bob.postJson("/api/v1/sessions/" + session, "{}").status()).isEqualTo(405);

        assertThat(LOG.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(session));
    }
}
