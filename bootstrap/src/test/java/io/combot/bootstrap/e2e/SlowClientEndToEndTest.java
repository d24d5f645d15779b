package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-body clients: 200 connections that send their body a byte a second hold no worker and no handling slot, so
 * other clients are served meanwhile, and each slow one is answered 408 once its body deadline passes.
 */
class SlowClientEndToEndTest {
    private static final int SLOW_CLIENTS = 200;
    private static final String BODY = "{\"text\":\"hello there\"}";

    @TempDir
    Path dataDir;

    @Test
    void twoHundredTricklingBodiesDoNotStarveOtherClients() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of(
                "COMBOT_HTTP_BODY_TIMEOUT", "3s",
                // far fewer slots and a shorter queue wait than slow clients: were they to hold slots, others got 503
                "COMBOT_HTTP_MAX_CONCURRENT_REQUESTS", "8",
                "COMBOT_HTTP_MAX_THREADS", "16",
                "COMBOT_HTTP_QUEUE_TIMEOUT", "1s"))) {
            // Warmed before the slow bodies' clock starts: its first answer loads the OpenAPI check, which takes
            // seconds on a busy machine and would let the 3 s body deadline pass between two trickled bytes.
            Api api = new Api(server.port());
            assertThat(api.get("/health/live").status()).isEqualTo(200);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    socket.setSoTimeout(15_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY.charAt(0))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                List<Integer> statuses = new ArrayList<>();
                for (int second = 1; second <= 2; second++) {
                    for (Socket socket : slow) {
                        socket.getOutputStream().write(BODY.charAt(second));
                        socket.getOutputStream().flush();
                    }
                    for (int i = 0; i < 10; i++) {
                        statuses.add(api.postJson("/api/v1/classify", BODY).status());
                    }
                    Api.Reply created = api.post("/api/v1/sessions", "application/json", "");
                    assertThat(created.status()).isEqualTo(201);
                    statuses.add(api.postJson(created.header("Location") + "/messages",
                            "{\"content\":\"hello\"}").status());
                    Thread.sleep(1_000);
                }

                assertThat(statuses).hasSize(22).containsOnly(200);
                for (Socket socket : slow) {
                    String answer = readAll(socket.getInputStream());
                    assertThat(answer).startsWith("HTTP/1.1 408");
                    assertThat(answer).contains("application/problem+json").contains("\"status\":408");
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void pastTheConnectionLimitNewClientsWaitUntilAConnectionCloses() throws Exception {
        int limit = 20;
        try (CombotServer server = InProcessService.start(dataDir, Map.of(
                "COMBOT_HTTP_MAX_CONNECTIONS", Integer.toString(limit)))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < limit; i++) {
                    idle.add(new Socket("127.0.0.1", server.port()));
                }
                Api api = new Api(server.port());
                java.util.concurrent.CompletableFuture<Integer> waiting = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> api.get("/health/live").status());
                Thread.sleep(1_000);
                assertThat(waiting).as("not served while the limit is reached").isNotDone();

                idle.remove(0).close();

                assertThat(waiting.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    /** The whole answer: the server closes a connection whose body it gave up on. */
    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
