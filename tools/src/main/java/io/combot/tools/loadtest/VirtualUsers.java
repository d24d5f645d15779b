package io.combot.tools.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One round of load: each virtual user, on its own thread, opens a session, sends a few messages drawn from a mix
 * of intents, and starts over, until the round's time or request budget is spent. Latencies go into an HdrHistogram.
 */
final class VirtualUsers {
    /** A mix like real traffic: mostly fast-path and LLM-bound turns, some help, a complaint. */
    static final List<String> MESSAGES = List.of(
            "Hello there!", "Hi, good morning", "How do I reset my password?", "Where is my order?",
            "Can you help me change my delivery address?", "Thanks a lot!", "This is the third time my parcel is late",
            "What can you do?", "Tell me something fun", "Goodbye, have a nice day");
    private static final int TURNS_PER_SESSION = 4;
    private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final HttpClient client;
    private final URI base;

    VirtualUsers(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** Runs {@code users} users for {@code duration} or {@code maxRequests} requests in all, whichever ends first. */
    Histogram run(int users, Duration duration, long maxRequests, AtomicLong requests, AtomicLong errors)
            throws InterruptedException {
        Histogram latencies = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline && requests.get() < maxRequests) {
                        conversation(deadline, maxRequests, latencies, requests, errors);
                    }
                }));
            }
            for (Future<?> user : running) {
                try {
                    user.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A virtual user failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    private void conversation(long deadline, long maxRequests, Histogram latencies, AtomicLong requests,
                              AtomicLong errors) {
        String created = call(post("/api/v1/sessions", ""), latencies, requests, errors);
        Matcher id = created == null ? null : SESSION_ID.matcher(created);
        if (id == null || !id.find()) {
            return;
        }
        for (int turn = 0; turn < TURNS_PER_SESSION && System.nanoTime() < deadline
                && requests.get() < maxRequests; turn++) {
            String message = MESSAGES.get(ThreadLocalRandom.current().nextInt(MESSAGES.size()));
            call(post("/api/v1/sessions/" + id.group(1) + "/messages", "{\"content\": \"" + message + "\"}"),
                    latencies, requests, errors);
        }
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The body of a 2xx answer; null (an error counted) for any other status or a failed exchange. */
    private String call(HttpRequest request, Histogram latencies, AtomicLong requests, AtomicLong errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            record(latencies, start);
            requests.incrementAndGet();
            if (response.statusCode() / 100 != 2) {
                errors.incrementAndGet();
                return null;
            }
            return response.body();
        } catch (IOException e) {
            record(latencies, start);
            requests.incrementAndGet();
            errors.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void record(Histogram latencies, long startNanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
        latencies.recordValue(Math.min(Math.max(micros, 1), MAX_LATENCY_MICROS));
    }
}
