package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures appendTurn on a temporary SQLite file and on a fresh schema of the PostgreSQL server named by
 * COMBOT_TEST_PG_URL, from 1 and from 8 threads, each thread appending to its own session, and prints turns per
 * second: every run, then the medians of 3 side by side, after a warm-up. A measurement, not a test:
 * {@code bench/persistence} starts a PostgreSQL server and runs it.
 */
final class AppendTurnThroughput {
    private static final int TURNS_PER_RUN = 10_000;
    private static final int RUNS = 3;
    private static final int[] THREADS = {1, 8};
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private AppendTurnThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<TestDatabase, double[]> medians = new EnumMap<>(TestDatabase.class);
        for (TestDatabase database : TestDatabase.values()) {
            medians.put(database, measure(database));
        }
        System.out.printf("%nappendTurn, turns/s, median of %d runs of %d turns%n", RUNS, TURNS_PER_RUN);
        System.out.printf("%-8s %12s %12s%n", "threads", "SQLite", "PostgreSQL");
        for (int i = 0; i < THREADS.length; i++) {
            System.out.printf("%-8d %12.0f %12.0f%n", THREADS[i], medians.get(TestDatabase.SQLITE)[i],
                    medians.get(TestDatabase.POSTGRESQL)[i]);
        }
    }

    /** The median turns per second at each of {@link #THREADS}. */
    private static double[] measure(TestDatabase database) throws Exception {
        Path dataDir = Files.createTempDirectory("combot-throughput");
        try (JpaPersistence persistence = JpaPersistence.open(database.settings(dataDir))) {
            JpaSessionStoreAdapter store = persistence.sessionStore();
            turnsPerSecond(store, 8);
            double[] medians = new double[THREADS.length];
            for (int t = 0; t < THREADS.length; t++) {
                double[] runs = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    runs[i] = turnsPerSecond(store, THREADS[t]);
                }
                double[] sorted = runs.clone();
                Arrays.sort(sorted);
                medians[t] = sorted[RUNS / 2];
                System.out.printf("%s appendTurn, %d thread(s), %d turns/run: runs %s turns/s, median %.0f turns/s%n",
                        database, THREADS[t], TURNS_PER_RUN,
                        Arrays.toString(Arrays.stream(runs).map(Math::rint).toArray()), medians[t]);
            }
            return medians;
        } finally {
            deleteTree(dataDir);
        }
    }

    private static double turnsPerSecond(JpaSessionStoreAdapter store, int threads) throws Exception {
        List<ChatSession> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ChatSession session = newSession(new OwnerId("bench-" + i));
            store.create(session);
            sessions.add(session);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (ChatSession session : sessions) {
                done.add(pool.submit(() -> appendTurns(store, session, TURNS_PER_RUN / threads)));
            }
            for (Future<?> future : done) {
                future.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return TURNS_PER_RUN / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void appendTurns(JpaSessionStoreAdapter store, ChatSession session, int count) {
        ChatSession current = session;
        for (int i = 0; i < count; i++) {
            Turn turn = turn(current, "message " + i, null);
            ChatSession next = current.after(turn, IDLE_TIMEOUT);
            store.appendTurn(next, turn);
            current = next;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
