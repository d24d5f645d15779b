package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class SessionExpiryEndToEndTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    @Test
    void anIdleSessionExpiresAndAnswers410() throws Exception {
        try (CombotServer server = InProcessService.start(database, dataDir, Map.of(
                "COMBOT_SESSION_IDLE_TIMEOUT", "1s"))) {
            Api api = new Api(server.port());
            String id = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            Instant expiresAt = Instant.parse(api.get("/api/v1/sessions/" + id).json().get("expiresAt").asString());

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);

            Api.Reply read = api.get("/api/v1/sessions/" + id);
            Api.Reply send = api.postJson("/api/v1/sessions/" + id + "/messages", "{\"content\": \"hello?\"}");
            assertThat(read.status()).isEqualTo(410);
            assertThat(send.status()).isEqualTo(410);
            assertThat(send.header("Content-Type")).startsWith("application/problem+json");
            assertThat(send.json().get("detail").asString()).contains("expired");
            assertThat(send.json().get("expiredAt").asString()).isEqualTo(expiresAt.toString());
            assertThat(api.delete("/api/v1/sessions/" + id).status()).isEqualTo(204);
        }
    }
}
