package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Clients that keep creating sessions and sending turns with a {@code clientMessageId} through a fault, retrying a
 * refused write with the same id, as a careful client does; a watcher polls {@code /health/ready}. Records each answer
 * by phase (before, during, after the fault), the slowest answer, when readiness and writes changed, and then checks
 * the store: every acknowledged turn stored exactly once, each session's count matching its messages.
 */
final class FaultLoad implements AutoCloseable {
    enum Phase { BEFORE, FAULT, AFTER }

    private static final int TURNS_PER_SESSION = 12;
    private static final long RETRY_PAUSE_MILLIS = 100;
    /** A user message's content ends with its client message id, which the history does not show. */
    private static final Pattern CLIENT_ID = Pattern.compile("\\((c\\d+-\\d+)\\)$");

    private final Api api;
    private final int clients;
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Phase, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private final AtomicLong firstNotReadyAt = new AtomicLong();
    private final AtomicLong maxReadyLatencyNanos = new AtomicLong();
    private volatile Phase phase = Phase.BEFORE;
    private volatile boolean stop;
    private volatile long faultStartedAt;
    private volatile long faultEndedAt;
    private volatile long firstWriteOkAfterEnd;
    private volatile long readyAgainAt = -1;

    FaultLoad(int port, int clients) {
        this.api = new Api(port);
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients + 1, runnable -> {
            Thread thread = new Thread(runnable, "fault-load");
            thread.setDaemon(true); // a failed run must not keep its JVM alive
            return thread;
        });
        for (Phase p : Phase.values()) {
            statuses.put(p, new ConcurrentHashMap<>());
        }
    }

    FaultLoad start() {
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> client(client)));
        }
        running.add(pool.submit(this::watchReadiness));
        return this;
    }

    /** Waits until {@code turns} turns were acknowledged (the service is warm), or {@code limitMillis} passed. */
    void awaitTurns(int turns, long limitMillis) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (acknowledgedTurns() < turns && System.nanoTime() < deadline) {
            for (Future<?> f : running) {
                if (f.isDone()) {
                    f.get(); // a client that stopped early says why
                }
            }
            Thread.sleep(20);
        }
    }

    void faultBegins() {
        faultStartedAt = System.nanoTime();
        phase = Phase.FAULT;
    }

    void faultEnds() {
        faultEndedAt = System.nanoTime();
        phase = Phase.AFTER;
    }

    /** Waits until a write succeeded and readiness said ready after the fault ended, or {@code limitMillis} passed. */
    void awaitRecovery(long limitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (System.nanoTime() < deadline && (firstWriteOkAfterEnd == 0 || readyAgainAt < 0)) {
            Thread.sleep(20);
        }
    }

    /** Milliseconds from the fault's start until readiness first said not-ready (-1: never). */
    long notReadyAfterMillis() {
        return firstNotReadyAt.get() == 0 ? -1 : millis(firstNotReadyAt.get() - faultStartedAt);
    }

    /** Milliseconds from the fault's end until the first write succeeded (-1: none yet). */
    long writesRecoveredAfterMillis() {
        return firstWriteOkAfterEnd == 0 ? -1 : millis(firstWriteOkAfterEnd - faultEndedAt);
    }

    /** Milliseconds from the fault's end until readiness said ready again (-1: not yet). */
    long readyAgainAfterMillis() {
        return readyAgainAt < 0 ? -1 : millis(Math.max(0, readyAgainAt - faultEndedAt));
    }

    long statusCount(Phase p, int status) {
        AtomicLong count = statuses.get(p).get(status);
        return count == null ? 0 : count.get();
    }

    Map<Integer, Long> statuses(Phase p) {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.get(p).forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    /** The slowest answer to a request sent during or after the fault. */
    long maxLatencyMillis() {
        return millis(maxLatencyNanos.get());
    }

    /** The slowest readiness answer during or after the fault. */
    long maxReadinessLatencyMillis() {
        return millis(maxReadyLatencyNanos.get());
    }

    int acknowledgedTurns() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() throws Exception {
        stop = true;
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }

    /**
     * Every acknowledged turn is stored exactly once, with its reply right after it; each session's message count is
     * the number of its messages, users and replies alternating. Returns the turns verified.
     */
    int verify() {
        int verified = 0;
        for (Map.Entry<String, Set<String>> session : acknowledged.entrySet()) {
            Api.Reply info = api.get("/api/v1/sessions/" + session.getKey());
            assertThat(info.status()).isEqualTo(200);
            long count = info.json().get("messageCount").asLong();
            List<JsonNode> messages = history(session.getKey());
            assertThat(messages).as("messages of session %s", session.getKey()).hasSize((int) count);
            Map<String, Integer> byClientId = new HashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                JsonNode message = messages.get(i);
                assertThat(message.get("role").asString()).as("message %d of %s", i, session.getKey())
                        .isEqualTo(i % 2 == 0 ? "user" : "assistant");
                Matcher tag = CLIENT_ID.matcher(message.get("content").asString());
                if (i % 2 == 0 && tag.find()) {
                    byClientId.merge(tag.group(1), 1, Integer::sum);
                }
            }
            assertThat(byClientId.values()).as("no turn stored twice in %s", session.getKey()).allMatch(n -> n == 1);
            for (String id : session.getValue()) {
                assertThat(byClientId.get(id)).as("turn %s stored once", id).isEqualTo(1);
                verified++;
            }
        }
        return verified;
    }

    String figures(String fault) {
        return String.format("storage fault %s: statuses before=%s during=%s after=%s; max latency during and after "
                        + "%d ms; readiness not-ready after %d ms, ready again %d ms after the fault ended "
                        + "(slowest probe %d ms); writes recovered %d ms after; turns acknowledged %d",
                fault, statuses(Phase.BEFORE), statuses(Phase.FAULT), statuses(Phase.AFTER), maxLatencyMillis(),
                notReadyAfterMillis(), readyAgainAfterMillis(), maxReadinessLatencyMillis(),
                writesRecoveredAfterMillis(), acknowledgedTurns());
    }

    private List<JsonNode> history(String session) {
        List<JsonNode> all = new ArrayList<>();
        String before = null;
        do {
            Api.Reply page = api.get("/api/v1/sessions/" + session + "/messages?limit=200"
                    + (before == null ? "" : "&before=" + before));
            assertThat(page.status()).isEqualTo(200);
            List<JsonNode> items = new ArrayList<>();
            page.json().get("items").forEach(items::add);
            all.addAll(0, items);
            JsonNode next = page.json().get("nextBefore");
            before = next == null || next.isNull() ? null : next.asString();
        } while (before != null);
        return all;
    }

    private void client(int client) {
        int turn = 0;
        while (!stop) {
            String session = null;
            while (session == null && !stop) {
                Api.Reply created = timed(() -> api.post("/api/v1/sessions", "application/json", ""));
                if (created.status() == 201) {
                    session = created.json().get("id").asString();
                    acknowledged.put(session, ConcurrentHashMap.newKeySet());
                } else {
                    pause();
                }
            }
            for (int t = 0; t < TURNS_PER_SESSION && !stop && session != null; t++) {
                String clientId = "c" + client + "-" + turn++;
                String path = "/api/v1/sessions/" + session + "/messages";
                String body = Api.json(Map.of("content", "How do I reset my password? (" + clientId + ")",
                        "clientMessageId", clientId));
                while (!stop) {
                    Api.Reply reply = timed(() -> api.postJson(path, body));
                    if (reply.status() == 200) {
                        acknowledged.get(session).add(clientId);
                        break;
                    }
                    pause();
                }
            }
        }
    }

    private Api.Reply timed(Supplier<Api.Reply> call) {
        Phase at = phase;
        long start = System.nanoTime();
        Api.Reply reply = call.get();
        long end = System.nanoTime();
        if (at != Phase.BEFORE) {
            maxLatencyNanos.accumulateAndGet(end - start, Math::max);
        }
        statuses.get(at).computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
        if (reply.status() / 100 == 2 && at == Phase.AFTER && firstWriteOkAfterEnd == 0 && start >= faultEndedAt) {
            firstWriteOkAfterEnd = end;
        }
        return reply;
    }

    private void watchReadiness() {
        while (!stop) {
            long start = System.nanoTime();
            int status = api.get("/health/ready").status();
            long end = System.nanoTime();
            if (phase != Phase.BEFORE) {
                maxReadyLatencyNanos.accumulateAndGet(end - start, Math::max);
            }
            if (status != 200 && phase != Phase.BEFORE) {
                firstNotReadyAt.compareAndSet(0, end);
            }
            if (status == 200 && phase == Phase.AFTER && readyAgainAt < 0 && start >= faultEndedAt) {
                readyAgainAt = end;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
