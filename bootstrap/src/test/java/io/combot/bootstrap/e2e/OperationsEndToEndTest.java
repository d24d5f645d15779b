package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Metrics, health, request ids, the admin endpoints and the session purge, over real HTTP. */
class OperationsEndToEndTest {
    private static final String TOKEN = "admin-token-for-the-e2e-test";

    @TempDir
    Path dataDir;

    @Test
    void metricsAreServedAndMoveUnderTraffic() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of())) {
            Api api = new Api(server.port());
            String session = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            String before = api.get("/metrics").body();

            api.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"Hello there!\"}");
            api.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"How do I reset my password?\"}");
            api.postJson("/api/v1/classify", "{\"text\": \"thanks a lot\"}");
            api.postJson("/api/v1/classify", "{\"text\": \"thanks a lot\"}");
            Api.Reply scrape = api.get("/metrics");
            String after = scrape.body();

            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.header("Content-Type")).startsWith("text/plain");
            assertThat(after).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_memory_used_bytes{area=\"nonheap\"",
                    "jvm_memory_heap_after_gc_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                    "process_resident_memory_bytes", "process_uptime_seconds", "jetty_threads_busy",
                    "jetty_threads_jobs", "combot_llm_in_flight", "combot_sessions_active",
                    "combot_sessions_purged_total", "process_files_open_files",
                    "hikaricp_connections{pool=\"combot-sqlite-writer\"}",
                    "hikaricp_connections_active{pool=\"combot-sqlite-reader\"}");
            String messages = "uri=\"/api/v1/sessions/{sessionId}/messages\"";
            assertThat(count(after, "http_server_requests_seconds_count", messages, "status=\"200\""))
                    .isEqualTo(count(before, "http_server_requests_seconds_count", messages, "status=\"200\"") + 2);
            assertThat(after).doesNotContain("uri=\"/api/v1/sessions/" + session);
            assertThat(count(after, "combot_classifier_latency_seconds_count", "outcome=\"ok\""))
                    .isEqualTo(count(before, "combot_classifier_latency_seconds_count", "outcome=\"ok\"") + 4);
            // the repeated text is the cache's one hit; the three first readings are its misses
            assertThat(count(after, "combot_classifier_cache_gets_total", "result=\"hit\""))
                    .isEqualTo(count(before, "combot_classifier_cache_gets_total", "result=\"hit\"") + 1);
            assertThat(count(after, "combot_classifier_cache_gets_total", "result=\"miss\""))
                    .isEqualTo(count(before, "combot_classifier_cache_gets_total", "result=\"miss\"") + 3);
            assertThat(count(after, "combot_classifier_cache_size"))
                    .isEqualTo(count(before, "combot_classifier_cache_size") + 3);
            assertThat(after).contains("combot_classifier_cache_evictions_total");
            assertThat(count(after, "combot_llm_latency_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
            assertThat(count(after, "combot_replies_total", "route=\"fast_path\"")).isEqualTo(1);
            assertThat(count(after, "combot_replies_total", "route=\"offline\"")).isEqualTo(1);
            assertThat(count(after, "combot_sessions_active")).isEqualTo(1);
            assertThat(count(after, "process_resident_memory_bytes")).isGreaterThan(1_000_000);
        }
    }

    @Test
    void readinessTurnsNotReadyWhenTheDatabaseFileBecomesUnwritable() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of())) {
            Api api = new Api(server.port());
            assertThat(api.get("/health/ready").status()).isEqualTo(200);
            Path database = dataDir.resolve("combot.db");
            makeUnwritable(database);
            try {
                Api.Reply ready = api.get("/health/ready");

                assertThat(ready.status()).isEqualTo(503);
                assertThat(check(ready.json(), "database").get("status").asString()).isEqualTo("DOWN");
                assertThat(check(ready.json(), "database").get("detail").asString()).contains("not writable");
                assertThat(api.get("/health/live").status()).isEqualTo(200);
            } finally {
                makeWritable(database);
            }
            assertThat(api.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void anOpenLlmCircuitIsReportedButTheServiceStaysReady() throws Exception {
        try (FakeOpenAiServer llm = FakeOpenAiServer.start();
             CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_OPENAI_API_KEY", "sk-test-e2e",
                     "COMBOT_OPENAI_BASE_URL", llm.baseUrl(), "COMBOT_LLM_MAX_RETRIES", "0"))) {
            Api api = new Api(server.port());
            assertThat(check(api.get("/health/ready").json(), "llm").get("status").asString()).isEqualTo("UP");
            llm.behaviour(FakeLlmBehaviour.defaults().withErrorRate(1.0));
            String session = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            for (int i = 0; i < 12; i++) {
                api.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"How do I reset it?\"}");
            }

            Api.Reply ready = api.get("/health/ready");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(check(ready.json(), "llm").get("status").asString()).isEqualTo("DEGRADED");
            assertThat(check(ready.json(), "llm").get("detail").asString()).contains("circuit open");
            assertThat(count(api.get("/metrics").body(), "combot_llm_circuit_state")).isEqualTo(1);
            assertThat(count(api.get("/metrics").body(), "combot_replies_total", "route=\"fallback\"")).isEqualTo(12);
        }
    }

    @Test
    void everyResponseCarriesARequestIdAndASafeClientIdIsKept() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of())) {
            Api api = new Api(server.port());

            String generated = api.get("/health/live").header("X-Request-Id");
            Api.Reply kept = api.send(java.net.http.HttpRequest.newBuilder()
                    .uri(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sessions/nope"))
                    .header("X-Request-Id", "client-abc.123"));
            Api.Reply replaced = api.send(java.net.http.HttpRequest.newBuilder()
                    .uri(java.net.URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                    .header("X-Request-Id", "bad id with spaces and a fake \" log line"));

            assertThat(generated).matches("[0-9a-f-]{36}");
            assertThat(kept.status()).isEqualTo(404);
            assertThat(kept.header("X-Request-Id")).isEqualTo("client-abc.123");
            assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void adminEndpointsAreRefusedWithoutAConfiguredToken() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of())) {
            Api api = new Api(server.port());

            Api.Reply refused = api.post("/admin/purge", "application/json", "");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("COMBOT_ADMIN_TOKEN");
        }
    }

    @Test
    void adminEndpointsNeedTheTokenThenPurgeAndReport() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir,
                Map.of("COMBOT_ADMIN_TOKEN", TOKEN, "COMBOT_SESSION_IDLE_TIMEOUT", "1s"))) {
            Api api = new Api(server.port());
            String expired = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            Thread.sleep(1_100);
            String fresh = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();

            assertThat(api.post("/admin/purge", "application/json", "").status()).isEqualTo(401);
            assertThat(admin(api, "POST", "/admin/purge", "wrong-token-of-some-length").status()).isEqualTo(403);
            Api.Reply purged = admin(api, "POST", "/admin/purge", TOKEN);
            Api.Reply memory = admin(api, "GET", "/admin/memory", TOKEN);
            Api.Reply reload = admin(api, "POST", "/admin/settings/reload", TOKEN);

            assertThat(purged.status()).isEqualTo(200);
            assertThat(purged.json().get("purged").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/sessions/" + expired).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/sessions/" + fresh).status()).as("kept, expired by now or not").isNotEqualTo(404);
            assertThat(memory.json().get("heapMaxBytes").asLong()).isPositive();
            assertThat(memory.json().get("residentSetBytes").asLong()).isPositive();
            assertThat(memory.json().has("heapAfterGcBytes")).isTrue();
            assertThat(reload.json().get("applied").get("COMBOT_LOG_LEVEL").asString()).isEqualTo("INFO");
            assertThat(count(api.get("/metrics").body(), "combot_sessions_purged_total")).isEqualTo(1);
        }
    }

    @Test
    void theScheduledPurgeDeletesExpiredSessions() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir,
                Map.of("COMBOT_SESSION_IDLE_TIMEOUT", "1s", "COMBOT_PURGE_INTERVAL", "200ms"))) {
            Api api = new Api(server.port());
            String session = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            assertThat(api.get("/api/v1/sessions/" + session).status()).isEqualTo(200);

            int status = 200;
            for (int attempt = 0; attempt < 100 && status != 404; attempt++) {
                Thread.sleep(100);
                status = api.get("/api/v1/sessions/" + session).status();
            }

            assertThat(status).isEqualTo(404);
        }
    }

    private static Api.Reply admin(Api api, String method, String path, String token) {
        return api.send(java.net.http.HttpRequest.newBuilder()
                .uri(api.uri(path))
                .header("Authorization", "Bearer " + token)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asString().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check named " + name + " in " + health);
    }

    /** The value of the first sample of {@code metric} whose line holds every one of {@code labels}; 0 when none. */
    static double count(String scrape, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{.*})? (\\S+)$").matcher(scrape);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    /** Read-only for the service's user; as root, where permissions do not bind, the immutable attribute instead. */
    private static void makeUnwritable(Path file) throws IOException, InterruptedException {
        file.toFile().setWritable(false, false);
        if (Files.isWritable(file)) {
            new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start().waitFor();
        }
        assumeFalse(Files.isWritable(file), "cannot make a file unwritable here");
    }

    private static void makeWritable(Path file) throws IOException, InterruptedException {
        if (!Files.isWritable(file)) {
            new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor();
        }
        file.toFile().setWritable(true, true);
    }
}
