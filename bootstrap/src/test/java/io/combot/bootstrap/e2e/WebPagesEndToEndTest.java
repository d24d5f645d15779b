package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The pages, their assets and the status endpoint, served by the assembled service. */
class WebPagesEndToEndTest {
    @TempDir
    static Path dataDir;

    private static CombotServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        server = InProcessService.start(dataDir, Map.of());
        api = new Api(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/, text/html;charset=UTF-8, <title>Combot</title>",
            "/status, text/html;charset=UTF-8, <title>Combot status</title>",
            "/assets/chat.js, text/javascript, /messages/stream",
            "/assets/status.js, text/javascript, /api/v1/status",
            "/assets/combot.css, text/css, .msg.user",
            "/openapi.json, application/json, \"openapi\": \"3.0.3\"",
    })
    void pagesAndAssetsAreServedWithTheirTypeAndRevalidated(String path, String type, String excerpt) {
        Api.Reply reply = api.get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type").replace(" ", "")).startsWithIgnoringCase(type);
        assertThat(reply.header("Cache-Control")).contains("no-cache");
        assertThat(reply.body()).contains(excerpt);
    }

    @Test
    void aMissingAssetIsAProblemNotAPage() {
        Api.Reply reply = api.get("/assets/nothing-here.js");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theStatusTellsMemoryRequestsInFlightAndThatNoLlmIsUsed() {
        Api.Reply reply = api.get("/api/v1/status");

        JsonNode status = reply.json();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(status.get("at").asString()).isNotBlank();
        assertThat(status.get("heapUsedBytes").asLong()).isPositive()
                .isLessThanOrEqualTo(status.get("heapMaxBytes").asLong());
        assertThat(status.get("rssBytes").asLong()).isPositive();
        assertThat(status.get("requestsInFlight").asInt()).as("this request").isGreaterThanOrEqualTo(1);
        assertThat(status.get("llmCircuit").asString()).isEqualTo("not_used");
    }

    @Test
    void requestsThatEndedAreNoLongerInFlight() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/health/live").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/sessions/not-a-session").status()).isEqualTo(404);
        }

        // A client may read a response a moment before the server has finished with its request: ask a few times.
        int inFlight = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 50 && inFlight != 1; attempt++) {
            inFlight = api.get("/api/v1/status").json().get("requestsInFlight").asInt();
        }

        assertThat(inFlight).as("only the status request itself").isEqualTo(1);
    }
}
