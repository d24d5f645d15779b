package io.combot.bootstrap.e2e;

import static io.combot.bootstrap.e2e.OperationsEndToEndTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Connection abuse against the assembled service over real sockets: 300 connections trickling a request head (a byte
 * every 250 ms, never finishing it) and two stream clients that never read their replies (the native stream and
 * {@code /v1/chat/completions}), all at once. Normal clients are answered throughout, every trickling connection is
 * answered 408 and closed at its head deadline, and each stream's blocked write fails at the write timeout, so that
 * its turn is stored as what was generated ({@code degraded}) and its LLM slot (there are two) serves a next turn.
 */
class ConnectionAbuseEndToEndTest {
    private static final int TRICKLERS = 300;
    private static final Duration HEAD_DEADLINE = Duration.ofSeconds(2);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    /** Far more than the socket buffers between a client that never reads and the service can hold (12 MB). */
    private static final String LONG_REPLY = ("x".repeat(4_000) + " ").repeat(3_000);
    private static final String LLM_QUESTION = "How do I change the delivery address on my order?";
    /** Threads for the flood's body writes, which block while the service does not read. */
    private static final java.util.concurrent.ExecutorService BODY_WRITERS =
            java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "flood-body-writer");
                thread.setDaemon(true);
                return thread;
            });

    @TempDir
    Path dataDir;

    @Test
    void tricklingHeadsAndANeverReadingStreamDoNotStarveOtherClients() throws Exception {
        try (FakeOpenAiServer llm = FakeOpenAiServer.start();
             CombotServer server = InProcessService.start(dataDir, Map.of(
                     "COMBOT_HTTP_HEADER_TIMEOUT", HEAD_DEADLINE.toMillis() + "ms",
                     "COMBOT_HTTP_WRITE_TIMEOUT", WRITE_TIMEOUT.toMillis() + "ms",
                     "COMBOT_LLM_MAX_CONCURRENT_CALLS", "2",
                     "COMBOT_OPENAI_API_KEY", "sk-test-abuse",
                     "COMBOT_OPENAI_BASE_URL", llm.baseUrl()))) {
            llm.behaviour(FakeLlmBehaviour.defaults().withReply(LONG_REPLY));
            Api api = new Api(server.port());
            String nativeSession = newSession(api);
            String openAiSession = newSession(api);
            List<Socket> tricklers = new ArrayList<>();
            try (Socket nativeNeverReads = neverReading(server.port(), nativeStream(nativeSession));
                 Socket openAiNeverReads = neverReading(server.port(), openAiStream(openAiSession))) {

                long tricklingStarted = System.nanoTime();
                for (int i = 0; i < TRICKLERS; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    send(socket, "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                    tricklers.add(socket);
                }
                // A whole head in eight pieces over ~1 s: slow, but inside the deadline.
                Socket slowButInTime = new Socket("127.0.0.1", server.port());
                CompletableFuture<Void> slowHead = CompletableFuture.runAsync(() -> sendSlowly(slowButInTime,
                        "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"));
                List<Long> normalMillis = new ArrayList<>();
                List<Integer> statuses = new ArrayList<>();
                long end = tricklingStarted + HEAD_DEADLINE.plusMillis(2_500).toNanos();
                while (System.nanoTime() < end) {
                    for (Socket socket : tricklers) {
                        trickle(socket);
                    }
                    long started = System.nanoTime();
                    statuses.add(api.post("/api/v1/sessions", "application/json", "").status());
                    statuses.add(api.postJson("/api/v1/classify", "{\"text\":\"thanks a lot\"}").status());
                    statuses.add(api.get("/health/live").status());
                    normalMillis.add((System.nanoTime() - started) / 1_000_000);
                    Thread.sleep(250);
                }
                String scrape = api.get("/metrics").body();

                assertThat(statuses).as("normal requests while under attack").containsOnly(201, 200);
                assertThat(normalMillis).allSatisfy(millis -> assertThat(millis).isLessThan(2_000));
                assertThat(count(scrape, "combot_http_connections_closed_total", "reason=\"head_timeout\""))
                        .as("every trickling head closed within its deadline (and a little slack)")
                        .isEqualTo(TRICKLERS);
                for (Socket socket : tricklers) {
                    socket.setSoTimeout(1_000);
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                            .contains("\"status\":408").contains("did not arrive within 2000 ms");
                }
                slowHead.get(5, TimeUnit.SECONDS);
                slowButInTime.setSoTimeout(5_000);
                assertThat(new String(slowButInTime.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                        .isEqualTo("HTTP/1.1 201");
                slowButInTime.close();

                // No bound on when: on a loaded machine the service takes a while to write its way into the block.
                for (String session : List.of(nativeSession, openAiSession)) {
                    JsonNode reply = api.awaitFirstReply(session, Duration.ofSeconds(60));
                    assertThat(reply.get("degraded").asBoolean()).isTrue();
                    assertThat(reply.get("content").asString()).isNotEmpty().hasSizeLessThan(LONG_REPLY.length());
                }
                assertThat(count(api.get("/metrics").body(), "combot_http_connections_closed_total",
                        "reason=\"write_timeout\"")).isEqualTo(2);
            } finally {
                for (Socket socket : tricklers) {
                    socket.close();
                }
            }

            // Both LLM slots are free again: two overlapping LLM turns get them instead of a 503 or the fallback.
            llm.behaviour(FakeLlmBehaviour.defaults().withReply("Open Orders and edit the address.")
                    .withLatency(Duration.ofMillis(500)));
            List<CompletableFuture<Api.Reply>> next = List.of(nextTurn(api), nextTurn(api));
            for (CompletableFuture<Api.Reply> turn : next) {
                Api.Reply reply = turn.get(60, TimeUnit.SECONDS);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.json().get("reply").get("route").asString()).isEqualTo("llm");
                assertThat(reply.json().get("reply").get("degraded").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void underPressureSilentConnectionsAreClosedSooner() throws Exception {
        int limit = 40;
        try (CombotServer server = InProcessService.start(dataDir, Map.of(
                "COMBOT_HTTP_MAX_CONNECTIONS", Integer.toString(limit),
                "COMBOT_HTTP_LOW_RESOURCES_IDLE_TIMEOUT", "1s"))) {
            // Three quarters of the limit, each silent: the server is under pressure, and 30 s of idle (the default)
            // shrinks to 1 s.
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < limit * 3 / 4; i++) {
                    silent.add(new Socket("127.0.0.1", server.port()));
                }
                for (Socket socket : silent) {
                    socket.setSoTimeout(10_000);
                    assertThat(socket.getInputStream().read()).as("closed by the service").isEqualTo(-1);
                }
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }

            Api api = new Api(server.port());
            assertThat(count(api.get("/metrics").body(), "combot_http_connections_closed_total",
                    "reason=\"low_resources_idle_timeout\"")).isEqualTo(limit * 3 / 4);
            assertThat(api.get("/health/live").status()).isEqualTo(200);
        }
    }

    /**
     * The body flood of issue 28: connections that each declare a body, send all of it but one byte and hold. Without
     * a key each is answered 401 from its head at once, its body unread (each used to be held until its deadline,
     * and 5,684 of them filled a 512 MB heap). With a key, bodies are held up to the budget and each one past it is
     * answered 503 with {@code Retry-After} at once. Another key's requests are answered within 2 s throughout.
     */
    @Test
    void aBodyFloodWithOrWithoutAKeyIsTurnedAwayBeforeItsBodiesFillTheHeap() throws Exception {
        // 1% of this JVM's heap, in bodies of a size that puts 40 and a half of them in it.
        long budget = Runtime.getRuntime().maxMemory() / 100;
        int maxBody = (int) (budget * 2 / 81);
        int fit = (int) (budget / maxBody);
        String flooder = "flood-secret-key-0001";
        String client = "client-secret-key-0002";
        try (CombotServer server = InProcessService.start(dataDir, Map.of(
                "COMBOT_API_KEYS", "flood:" + AccessEndToEndTest.sha256(flooder) + ",client:"
                        + AccessEndToEndTest.sha256(client),
                "COMBOT_RATE_LIMIT_PER_SECOND", "10000",
                "COMBOT_RATE_LIMIT_BURST", "10000",
                "COMBOT_MAX_BODY_BYTES", Integer.toString(maxBody),
                "COMBOT_HTTP_BODY_BUDGET_PERCENT", "1"))) {
            Api normal = new Api(server.port(), client);
            List<Socket> flood = new ArrayList<>();
            try {
                List<Long> normalMillis = new ArrayList<>();
                List<Integer> statuses = new ArrayList<>();
                Runnable normalRequests = () -> {
                    long started = System.nanoTime();
                    statuses.add(normal.post("/api/v1/sessions", "application/json", "").status());
                    statuses.add(normal.postJson("/api/v1/classify", "{\"text\":\"thanks a lot\"}").status());
                    normalMillis.add((System.nanoTime() - started) / 1_000_000);
                };
                // Before the flood: a first classification and a first client connection are slow on their own.
                normalRequests.run();
                normalMillis.clear();

                for (int i = 0; i < 200; i++) {
                    long started = System.nanoTime();
                    Socket keyless = holdingBody(server.port(), "", 65_536, flood);
                    assertThat(answer(keyless)).startsWith("HTTP/1.1 401");
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                    if (i % 20 == 0) {
                        normalRequests.run();
                    }
                }

                List<Socket> keyed = new ArrayList<>();
                for (int i = 0; i < fit + 10; i++) {
                    keyed.add(holdingBody(server.port(), "Authorization: Bearer " + flooder + "\r\n", maxBody, flood));
                    if (i % 5 == 0) {
                        normalRequests.run();
                    }
                }
                int refused = 0;
                for (Socket socket : keyed) {
                    socket.setSoTimeout(200);
                    try {
                        String answer = new String(socket.getInputStream().readNBytes(512),
                                StandardCharsets.ISO_8859_1);
                        assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 1");
                        refused++;
                    } catch (java.net.SocketTimeoutException heldWithinTheBudget) {
                        // still waiting for its last byte, as it should
                    }
                }
                normalRequests.run();

                assertThat(refused).as("the keyed bodies past the budget of " + fit).isGreaterThanOrEqualTo(10)
                        .isLessThanOrEqualTo(11);
                assertThat(statuses).as("another key's requests during the flood").containsOnly(201, 200);
                assertThat(normalMillis).allSatisfy(millis -> assertThat(millis).isLessThan(2_000));
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            assertThat(new Api(server.port(), client).get("/api/v1/status").status()).isEqualTo(200);
        }
    }

    /**
     * A connection that declares a body of {@code length} bytes and sends all of it but the last byte, from a thread of
     * its own (a service that does not read it would block this one).
     */
    private static Socket holdingBody(int port, String headers, int length, List<Socket> opened) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        opened.add(socket);
        socket.setSoTimeout(5_000);
        String head = "POST /api/v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
        CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[length - 1]);
                out.flush();
            } catch (IOException closed) {
                // the service answered and closed, or the test did
            }
        }, BODY_WRITERS);
        return socket;
    }

    private static String answer(Socket socket) throws IOException {
        return new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
    }

    /** A client that sends its request and never reads, with a small receive window so that writes block soon. */
    private static Socket neverReading(int port, String request) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4_096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        send(socket, request);
        return socket;
    }

    private static String nativeStream(String session) {
        return post("/api/v1/sessions/" + session + "/messages/stream", "", Api.json(Map.of("content", LLM_QUESTION)));
    }

    private static String openAiStream(String session) {
        return post("/v1/chat/completions", "X-Combot-Session-Id: " + session + "\r\n", Api.json(Map.of(
                "model", "combot-default", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", LLM_QUESTION)))));
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                + "Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static CompletableFuture<Api.Reply> nextTurn(Api api) {
        String session = newSession(api);
        return CompletableFuture.supplyAsync(() -> api.postJson("/api/v1/sessions/" + session + "/messages",
                Api.json(Map.of("content", LLM_QUESTION))));
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sendSlowly(Socket socket, String head) {
        try {
            for (int piece = 0; piece < 8; piece++) {
                send(socket, head.substring(head.length() * piece / 8, head.length() * (piece + 1) / 8));
                Thread.sleep(125);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One more byte of a header value; the service may already have closed the connection. */
    private static void trickle(Socket socket) {
        try {
            send(socket, "a");
        } catch (IOException closedByTheService) {
            // checked below through its 408 and the metrics
        }
    }

    private static String newSession(Api api) {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }
}
