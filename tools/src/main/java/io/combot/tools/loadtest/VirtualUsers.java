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
 * One round of load. In the chat scenario each virtual user, on its own thread, opens a session (or, one time in
 * three, returns to one of its earlier sessions), sends a few messages drawn from a mix of intents, and starts over;
 * in the classify scenario it only asks for intents. Until the round's time or request budget is spent. Latencies go
 * into an HdrHistogram.
 *
 * <p>Closed model (no rate): each user sends its next request when the last one is answered, so a stalled service
 * also slows the load, and the latencies leave out the requests that were not sent meanwhile (coordinated omission).
 * Open model (a rate): the requests are due on a fixed schedule, spread over the users, and a latency is counted from
 * when the request was due, not from when a busy user got to send it, so a stall shows in full.
 */
final class VirtualUsers {
    /** A mix like real traffic: mostly fast-path and LLM-bound turns, some help, a complaint. */
    static final List<String> MESSAGES = List.of(
            "Hello there!", "Hi, good morning", "How do I reset my password?", "Where is my order?",
            "Can you help me change my delivery address?", "Thanks a lot!", "This is the third time my parcel is late",
            "What can you do?", "Tell me something fun", "Goodbye, have a nice day");
    private static final int TURNS_PER_SESSION = 4;
    /** Earlier sessions a user may return to; bounded, so a long round does not grow a session's history forever. */
    private static final int REMEMBERED_SESSIONS = 4;
    private static final int RETURN_ONE_IN = 3;
    private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

    enum Scenario { CHAT, CLASSIFY }

    /** What a round counted: every request, the failed ones (503s among them), and the texts sent to classify. */
    static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unavailable = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
    }

    private final HttpClient client;
    private final URI base;
    private final Scenario scenario;
    /** Requests per second over all users; 0 for the closed model. */
    private final double rate;
    /** Per user: when its next request is due (open model). */
    private final ThreadLocal<long[]> due = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});
    private volatile long intervalNanos;
    private volatile long deadlineNanos;

    VirtualUsers(HttpClient client, URI base, Scenario scenario, double rate) {
        this.client = client;
        this.base = base;
        this.scenario = scenario;
        this.rate = rate;
    }

    boolean openModel() {
        return rate > 0;
    }

    /** Runs {@code users} users for {@code duration} or {@code maxRequests} requests in all, whichever ends first. */
    Histogram run(int users, Duration duration, long maxRequests, Tally tally) throws InterruptedException {
        Histogram latencies = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        long deadline = System.nanoTime() + duration.toNanos();
        deadlineNanos = deadline;
        intervalNanos = openModel() ? Math.round(users * 1e9 / rate) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                long firstDue = System.nanoTime() + i * intervalNanos / users;
                running.add(pool.submit(() -> {
                    due.get()[0] = firstDue;
                    List<String> earlierSessions = new ArrayList<>();
                    while (System.nanoTime() < deadline && tally.requests.get() < maxRequests) {
                        if (scenario == Scenario.CLASSIFY) {
                            classify(latencies, tally);
                        } else {
                            conversation(deadline, maxRequests, earlierSessions, latencies, tally);
                        }
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

    private void classify(Histogram latencies, Tally tally) {
        if (call(post("/api/v1/classify", "{\"text\": \"" + randomMessage() + "\"}"), latencies, tally) != null) {
            tally.messages.incrementAndGet();
        }
    }

    private void conversation(long deadline, long maxRequests, List<String> earlierSessions, Histogram latencies,
                              Tally tally) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String session;
        if (!earlierSessions.isEmpty() && random.nextInt(RETURN_ONE_IN) == 0) {
            session = earlierSessions.get(random.nextInt(earlierSessions.size()));
        } else {
            String created = call(post("/api/v1/sessions", ""), latencies, tally);
            Matcher id = created == null ? null : SESSION_ID.matcher(created);
            if (id == null || !id.find()) {
                return;
            }
            session = id.group(1);
            if (earlierSessions.size() == REMEMBERED_SESSIONS) {
                earlierSessions.remove(random.nextInt(REMEMBERED_SESSIONS));
            }
            earlierSessions.add(session);
        }
        for (int turn = 0; turn < TURNS_PER_SESSION && System.nanoTime() < deadline
                && tally.requests.get() < maxRequests; turn++) {
            if (call(post("/api/v1/sessions/" + session + "/messages", "{\"content\": \"" + randomMessage() + "\"}"),
                    latencies, tally) != null) {
                tally.messages.incrementAndGet();
            }
        }
    }

    private static String randomMessage() {
        return MESSAGES.get(ThreadLocalRandom.current().nextInt(MESSAGES.size()));
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The body of a 2xx answer; null (an error counted) for any other status or a failed exchange. */
    private String call(HttpRequest request, Histogram latencies, Tally tally) {
        long start;
        try {
            start = awaitDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (start - deadlineNanos >= 0) {
            return null;
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            record(latencies, start);
            tally.requests.incrementAndGet();
            if (response.statusCode() / 100 != 2) {
                tally.errors.incrementAndGet();
                if (response.statusCode() == 503) {
                    tally.unavailable.incrementAndGet();
                }
                return null;
            }
            return response.body();
        } catch (IOException e) {
            record(latencies, start);
            tally.requests.incrementAndGet();
            tally.errors.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The open model's schedule: waits until this user's next request is due and returns that instant, however late
     * the user is; the closed model sends at once. A request due after the round's end is not sent (the caller sees
     * that instant and stops), so the round's figures hold the round's requests only.
     */
    private long awaitDue() throws InterruptedException {
        if (!openModel()) {
            return System.nanoTime();
        }
        long[] next = due.get();
        long dueAt = next[0];
        next[0] += intervalNanos;
        long wait = Math.min(dueAt, deadlineNanos) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return dueAt;
    }

    private static void record(Histogram latencies, long startNanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
        latencies.recordValue(Math.min(Math.max(micros, 1), MAX_LATENCY_MICROS));
    }
}
