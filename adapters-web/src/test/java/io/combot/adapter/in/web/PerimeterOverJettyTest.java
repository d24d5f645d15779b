package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.OwnerId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The perimeter's Jetty handlers on a real connector on 127.0.0.1, around a handler that answers 200 with the owner it
 * was given and the length of the body it read: who may call is decided from the head, before any body byte is read
 * or held, and the bodies held at once stay within the budget.
 */
class PerimeterOverJettyTest {
    private static final String KEY = "alice-secret-key-0001";
    private static final int MAX = WebStack.MAX_BODY_BYTES;
    /** Room for three bodies of the limit. */
    private static final long BUDGET = 3L * MAX + MAX / 2;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Perimeter perimeter;
    private Server server;
    private int port;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.stop();
    }

    @Test
    void aCallerWithoutAKeyIsRefusedFromItsHeadWhileItsBodyIsStillComing() throws Exception {
        start(new WebSettings(MAX, BUDGET));
        for (int i = 0; i < 10; i++) {
            // Declares a body of the limit, sends all of it but one byte, and holds.
            Socket flood = open("POST /api/v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + MAX + "\r\n\r\n" + "x".repeat(MAX - 1));

            String answer = readAnswer(flood);

            assertThat(answer).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Bearer realm=\"combot\"")
                    .contains(ClientAccess.REFUSAL);
        }
        // Ten keyless bodies of the limit would have overrun a budget of three, had they been held.
        assertThat(answerTo(keyed("POST", MAX))).startsWith("HTTP/1.1 200").endsWith("alice " + MAX);
        assertThat(registry.counter("combot.http.refused", "status", "401").count()).isEqualTo(10);
    }

    @Test
    void pastTheBudgetABodyIs503WithRetryAfterAndWithinItBodiesAreServed() throws Exception {
        start(new WebSettings(MAX, BUDGET));
        List<Socket> holding = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holding.add(open(keyed("POST", MAX).substring(0, keyed("POST", MAX).length() - 1)));
        }

        awaitHeld(3L * MAX);

        String refused = answerTo(keyed("POST", MAX));
        String withoutBody = answerTo(keyed("GET", 0));

        assertThat(registry.counter("combot.http.refused", "status", "503").count()).isEqualTo(1);
        assertThat(refused).startsWith("HTTP/1.1 503").contains("Retry-After: 1")
                .contains("\"retryAfterSeconds\":1").contains("as many request bodies as its memory allows");
        assertThat(withoutBody).as("a request without a body needs no room").startsWith("HTTP/1.1 200")
                .endsWith("alice 0");
        for (Socket socket : holding) {
            socket.getOutputStream().write('x');
        }
        for (Socket socket : holding) {
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200").endsWith("alice " + MAX);
        }
        // An answer's room is given back when Jetty completes it, a moment after the client reads it.
        awaitHeld(0);
        assertThat(perimeter.bodyBytesHeld()).as("each answer gives its room back").isZero();
        assertThat(answerTo(keyed("POST", MAX))).as("the room is given back").startsWith("HTTP/1.1 200");
    }

    @Test
    void theAdminTokenIsCheckedFromTheHeadAndItsSchemeInAnyCase() throws Exception {
        start(new WebSettings(MAX, BUDGET));
        String head = "POST /admin/purge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + MAX + "\r\n";

        assertThat(readAnswer(open(head + "Authorization: Bearer wrong\r\n\r\n" + "x".repeat(MAX - 1))))
                .startsWith("HTTP/1.1 403").contains("The admin token is not valid");
        assertThat(answerTo(head + "Authorization: bEaReR admin-token\r\nConnection: close\r\n\r\n"
                + "x".repeat(MAX))).startsWith("HTTP/1.1 200").endsWith("- " + MAX);
    }

    private void awaitHeld(long bytes) throws InterruptedException {
        for (int waited = 0; waited < 50 && perimeter.bodyBytesHeld() != bytes; waited++) {
            Thread.sleep(100);
        }
    }

    private void start(WebSettings web) throws Exception {
        perimeter = new Perimeter(new AccessSettings(List.of(
                new AccessSettings.ClientKey("alice", SecretDigests.sha256(KEY))), 1_000, 1_000),
                new AdminSettings("admin-token"), web, new AdmissionSettings(8, 8, java.time.Duration.ofSeconds(1)),
                java.time.Duration.ofSeconds(5), registry);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(perimeter.around(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                long read = 0;
                for (Content.Chunk chunk = request.read(); chunk != null && !Content.Chunk.isFailure(chunk);
                     chunk = request.read()) {
                    read += chunk.remaining();
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (last) {
                        break;
                    }
                }
                Object owner = request.getAttribute(ClientAccess.OWNER_ATTRIBUTE);
                String text = (owner == null ? "-" : ((OwnerId) owner).value()) + " " + read;
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        }));
        server.start();
        port = connector.getLocalPort();
    }

    private static String keyed(String method, int bodyBytes) {
        return method + " /api/v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nConnection: close\r\nContent-Length: " + bodyBytes + "\r\n\r\n" + "x".repeat(bodyBytes);
    }

    private Socket open(String text) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private String answerTo(String request) throws IOException {
        return readAnswer(open(request));
    }

    /** The answer up to the end of the connection or of its declared body, whichever comes first. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8_192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            int bodyStart = answer.indexOf("\r\n\r\n");
            int length = contentLength(answer);
            if (bodyStart >= 0 && length >= 0 && answer.length() >= bodyStart + 4 + length) {
                break;
            }
        }
        return answer.toString();
    }

    private static int contentLength(CharSequence answer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
