package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the service runs as its own process under load, is killed with SIGKILL mid-load, and is started again
 * on the same data directory. Every message the client got a 200 for must be stored, and SQLite must pass its
 * integrity check. Prints the figures: acknowledged, found after restart, lost, and sends whose outcome the client
 * never learnt (in flight at the kill; stored or not, both are correct).
 */
class CrashSafetyEndToEndTest {
    private static final Pattern LISTENING = Pattern.compile("Combot listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    private static final int MAX_SENDS_PER_CLIENT = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedMessageSurvivesSigkill() throws Exception {
        Process first = startService("first");
        int port = awaitPort(first, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger inDoubt = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                load.add(clients.submit(() -> sendUntilRefused(port, client, acknowledged, inDoubt)));
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && first.isAlive()
                    && load.stream().anyMatch(f -> !f.isDone())) {
                Thread.sleep(10);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            first.waitFor(30, TimeUnit.SECONDS);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
            first.destroyForcibly();
        }

        Process second = startService("second");
        try {
            int secondPort = awaitPort(second, "second");
            assertThat(new Api(secondPort).get("/health/ready").status()).isEqualTo(200);
            Set<String> stored = storedUserMessages();
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("crash safety: acknowledged=%d found=%d lost=%d in-doubt=%d stored-in-total=%d%n",
                    acknowledged.size(), acknowledged.size() - lost.size(), lost.size(), inDoubt.get(),
                    stored.size());

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            assertThat(lost).as("acknowledged but not stored").isEmpty();
            assertThat(integrityCheck()).isEqualTo("ok");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    /** One session per client, messages with unique text, until the service stops answering. */
    private static void sendUntilRefused(int port, int client, Set<String> acknowledged, AtomicInteger inDoubt) {
        Api api = new Api(port);
        try {
            Api.Reply created = api.post("/api/v1/sessions", "application/json", "");
            String path = created.header("Location") + "/messages";
            for (int i = 0; i < MAX_SENDS_PER_CLIENT; i++) {
                String content = "client " + client + " message " + i + "?";
                Api.Reply reply = api.postJson(path, Api.json(java.util.Map.of("content", content)));
                if (reply.status() != 200) {
                    return;
                }
                acknowledged.add(content);
            }
        } catch (RuntimeException e) {
            // the connection broke: the service was killed while this send was in flight
            inDoubt.incrementAndGet();
        }
    }

    private Process startService(String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CombotApplication.class.getName());
        builder.environment().put("COMBOT_PORT", "0");
        builder.environment().put("COMBOT_BIND", "127.0.0.1");
        builder.environment().put("COMBOT_DATA_DIR", dataDir.toString());
        builder.environment().remove("COMBOT_API_KEYS");
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve(name + ".log").toFile());
        return builder.start();
    }

    /** The port from the service's start line; a service that does not start within two minutes fails the test. */
    private int awaitPort(Process process, String name) throws Exception {
        Path log = dataDir.resolve(name + ".log");
        for (int i = 0; i < 1_200; i++) {
            if (Files.exists(log)) {
                Matcher matcher = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The " + name + " service did not start:\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)"));
    }

    private Set<String> storedUserMessages() throws Exception {
        Set<String> contents = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("combot.db"));
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select content from messages where role = 'USER'")) {
            while (rows.next()) {
                contents.add(rows.getString(1));
            }
        }
        return contents;
    }

    private String integrityCheck() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("combot.db"));
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
