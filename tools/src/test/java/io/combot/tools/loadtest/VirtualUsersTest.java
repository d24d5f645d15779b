package io.combot.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service that stalls once for a second: the closed model hides the stall behind the one slow request, the open
 * model counts every request that fell due during it from when it was due.
 */
class VirtualUsersTest {
    private static final long STALL_MILLIS = 1_000;

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startAServiceThatStallsOnce() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/classify", exchange -> {
            if (calls.incrementAndGet() == 5) {
                sleep(STALL_MILLIS);
            }
            byte[] body = "{\"intent\":\"greeting\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theOpenModelCountsTheRequestsThatFellDueDuringAStall() throws Exception {
        Histogram open = run(20);
        Histogram closed = run(0);

        // 20 requests/s for one user: about 20 fell due during the stall, each late by up to a second.
        assertThat(open.getCountBetweenValues(200_000, Long.MAX_VALUE)).isGreaterThanOrEqualTo(10);
        assertThat(closed.getCountBetweenValues(200_000, Long.MAX_VALUE)).isLessThanOrEqualTo(2);
    }

    private Histogram run(double rate) throws InterruptedException {
        calls.set(0);
        VirtualUsers users = new VirtualUsers(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), VirtualUsers.Scenario.CLASSIFY, rate);
        return users.run(1, Duration.ofMillis(2_500), 1_000_000, new VirtualUsers.Tally());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
