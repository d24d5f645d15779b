package io.combot.tools.fakellm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} on 127.0.0.1, streaming and not, for tests, local
 * development and load tests. It misbehaves on demand (latency, 500, 429, malformed JSON, dropped connections,
 * hangs) and records what it saw: calls, the peak number of calls in flight, the last request bodies.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** Enough handler threads for a load test far above any sane client limit, and still a bound. */
    private static final int MAX_THREADS = 256;
    private static final int KEPT_BODIES = 100;
    private static final Duration LONGEST_HANG = Duration.ofMinutes(10);

    private final HttpServer server;
    private final ExecutorService executor;
    private final CompletionJson json = new CompletionJson(new ObjectMapper());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Queue<Fault> scriptedFaults = new ConcurrentLinkedQueue<>();
    private final Deque<String> lastBodies = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger modelListCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger abortedStreams = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private volatile FakeLlmBehaviour behaviour;

    private FakeOpenAiServer(HttpServer server, FakeLlmBehaviour behaviour) {
        this.server = server;
        this.behaviour = behaviour;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(MAX_THREADS, task -> {
            Thread thread = new Thread(task, "fake-llm-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/v1/models", this::listModels);
    }

    /** Starts on 127.0.0.1 and {@code port}; 0 picks a free port. */
    public static FakeOpenAiServer start(int port, FakeLlmBehaviour behaviour) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                MAX_THREADS * 2);
        FakeOpenAiServer fake = new FakeOpenAiServer(server, behaviour);
        server.start();
        return fake;
    }

    /** Starts on a free port with the default behaviour. */
    public static FakeOpenAiServer start() throws IOException {
        return start(0, FakeLlmBehaviour.defaults());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL an OpenAI client takes, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public FakeLlmBehaviour behaviour() {
        return behaviour;
    }

    public void behaviour(FakeLlmBehaviour next) {
        behaviour = next;
    }

    /** The next requests get these faults, one each and in order, before the behaviour applies again. */
    public void failNext(Fault... faults) {
        scriptedFaults.addAll(List.of(faults));
    }

    public int calls() {
        return calls.get();
    }

    /** Requests for the model list, which are not chat calls and take no fault or latency. */
    public int modelListCalls() {
        return modelListCalls.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** Streams the client abandoned: writing the next chunk failed because the connection was gone. */
    public int abortedStreams() {
        return abortedStreams.get();
    }

    /** The request bodies received, oldest first, at most the last 100. */
    public List<String> requestBodies() {
        synchronized (lastBodies) {
            return List.copyOf(lastBodies);
        }
    }

    public String lastRequestBody() {
        synchronized (lastBodies) {
            if (lastBodies.isEmpty()) {
                throw new IllegalStateException("No request received yet");
            }
            return lastBodies.peekLast();
        }
    }

    /** Forgets the counters, bodies and scripted faults, for a server shared by several tests. */
    public void resetRecords() {
        calls.set(0);
        modelListCalls.set(0);
        peakInFlight.set(inFlight.get());
        abortedStreams.set(0);
        scriptedFaults.clear();
        synchronized (lastBodies) {
            lastBodies.clear();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
            serve(exchange);
            // Only on success: closing ends a chunked stream cleanly, which a dropped connection must not do.
            exchange.close();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Lists Combot's default model and the tests' one; completions accept any model. */
    private void listModels(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, json.error("Use GET", "invalid_request_error"));
                return;
            }
            modelListCalls.incrementAndGet();
            send(exchange, 200, json.modelList(List.of("gpt-4o-mini", "fake-model")));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, json.error("Use POST", "invalid_request_error"));
            return;
        }
        calls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        remember(body);
        CompletionJson.Request request;
        try {
            request = json.parse(body);
        } catch (IOException | IllegalArgumentException e) {
            send(exchange, 400, json.error("Not a chat completions request: " + e.getMessage(),
                    "invalid_request_error"));
            return;
        }
        FakeLlmBehaviour current = behaviour;
        if (pause(current.latency())) {
            answer(exchange, request, current, nextFault(current));
        }
    }

    private void answer(HttpExchange exchange, CompletionJson.Request request, FakeLlmBehaviour current, Fault fault)
            throws IOException {
        if (fault == null) {
            reply(exchange, request, current, false);
            return;
        }
        switch (fault) {
            case SERVER_ERROR -> send(exchange, 500, json.error("The fake server failed on purpose", "server_error"));
            case TOO_MANY_REQUESTS -> {
                long millis = current.retryAfter().toMillis();
                exchange.getResponseHeaders().add("Retry-After", Long.toString((millis + 999) / 1000));
                exchange.getResponseHeaders().add("retry-after-ms", Long.toString(millis));
                send(exchange, 429, json.error("Rate limit reached (fake)", "rate_limit_exceeded"));
            }
            case MALFORMED_JSON -> malformed(exchange, request);
            case RESET_CONNECTION -> throw new DroppedConnection();
            case BREAK_MID_STREAM -> reply(exchange, request, current, true);
            case HANG -> {
                pause(LONGEST_HANG);
                throw new DroppedConnection();
            }
        }
    }

    private void reply(HttpExchange exchange, CompletionJson.Request request, FakeLlmBehaviour current,
                       boolean breakMidStream) throws IOException {
        String text = current.reply().replace("{user}", request.lastUserMessage());
        List<String> tokens = CompletionJson.tokens(text);
        String id = "chatcmpl-fake-" + ids.incrementAndGet();
        if (!request.stream()) {
            send(exchange, 200, json.completion(id, request, text, tokens.size()));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            int sendCount = breakMidStream ? tokens.size() / 2 : tokens.size();
            for (int i = 0; i < sendCount; i++) {
                event(out, json.chunk(id, request, tokens.get(i)));
                if (!pause(current.tokenLatency())) {
                    return;
                }
            }
            if (breakMidStream) {
                throw new DroppedConnection();
            }
            event(out, json.chunk(id, request, null));
            if (request.includeUsage()) {
                event(out, json.usageChunk(id, request, tokens.size()));
            }
            event(out, "[DONE]");
        } catch (IOException clientWentAway) {
            abortedStreams.incrementAndGet();
            throw clientWentAway;
        }
    }

    private void malformed(HttpExchange exchange, CompletionJson.Request request) throws IOException {
        String broken = "{\"id\": \"chatcmpl-broken\", \"choices\": [{\"delta\": ";
        if (!request.stream()) {
            send(exchange, 200, broken);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, broken);
        event(out, "[DONE]");
    }

    private Fault nextFault(FakeLlmBehaviour current) {
        Fault scripted = scriptedFaults.poll();
        if (scripted != null) {
            return scripted;
        }
        if (current.fault() != null) {
            return current.fault();
        }
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < current.errorRate()) {
            return Fault.SERVER_ERROR;
        }
        return draw < current.errorRate() + current.tooManyRequestsRate() ? Fault.TOO_MANY_REQUESTS : null;
    }

    private void remember(String body) {
        synchronized (lastBodies) {
            if (lastBodies.size() == KEPT_BODIES) {
                lastBodies.removeFirst();
            }
            lastBodies.addLast(body);
        }
    }

    /** Waits, cut short when the server stops; false if it stopped. */
    private boolean pause(Duration duration) {
        if (duration.isZero()) {
            return stopped.getCount() > 0;
        }
        try {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * Thrown out of the handler so that the JDK server closes the socket at once, without a response or without
     * the end of the chunked stream: the client sees the connection drop.
     */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }
}
