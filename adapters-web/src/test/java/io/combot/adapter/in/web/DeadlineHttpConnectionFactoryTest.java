package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The head deadline on a real Jetty connector on 127.0.0.1, with a handler that answers 204 to every request. */
class DeadlineHttpConnectionFactoryTest {
    private static final Duration HEAD_DEADLINE = Duration.ofMillis(800);
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server,
                new DeadlineHttpConnectionFactory(new HttpConfiguration(), HEAD_DEADLINE, () -> false, registry));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aHeadTrickledPastItsDeadlineIsAnswered408AndClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            long started = System.nanoTime();
            send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            // A byte every 200 ms, until the answer comes: Jetty's idle timeout alone (30 s) would never fire.
            for (int i = 0; i < 20 && socket.getInputStream().available() == 0; i++) {
                Thread.sleep(200);
                try {
                    send(socket, "a");
                } catch (IOException closedByTheServer) {
                    break;
                }
            }
            String answer = readToEnd(socket.getInputStream());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HEAD_DEADLINE.multipliedBy(3));
            assertThat(answer).startsWith("HTTP/1.1 408").contains("Connection: close")
                    .contains("application/problem+json").contains("did not arrive within 800 ms");
        }
        assertThat(closedBy("head_timeout")).isEqualTo(1);
    }

    @Test
    void aSlowHeadWithinItsDeadlineIsServedAndASilentKeptAliveConnectionIsNotClosedByIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            for (char c : REQUEST.toCharArray()) {
                send(socket, String.valueOf(c));
                Thread.sleep(HEAD_DEADLINE.toMillis() / 2 / REQUEST.length());
            }
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 204");

            // Silent for twice the deadline: the clock starts at the next head's first byte, not at the last answer.
            Thread.sleep(HEAD_DEADLINE.toMillis() * 2);
            send(socket, REQUEST);
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 204");
        }
        assertThat(closedBy("head_timeout")).isZero();
    }

    private double closedBy(String reason) {
        return registry.get(DeadlineHttpConnectionFactory.CLOSED_METER).tag("reason", reason).counter().count();
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** What arrived before the end or a reset (a byte sent after the server closed may draw one). */
    private static String readToEnd(InputStream in) {
        StringBuilder answer = new StringBuilder();
        try {
            for (int next = in.read(); next >= 0; next = in.read()) {
                answer.append((char) next);
            }
        } catch (IOException reset) {
            // what was read is the answer
        }
        return answer.toString();
    }

    /** A 204's whole answer is its head. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }
}
