package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.out.SessionStorePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures appendTurn on a temporary SQLite file from 1 and from 8 threads, each thread appending to its own session,
 * and prints turns per second: every run and the median of 3, after a warm-up. A measurement, not a test: run it with
 * the test class path (see the module's report for the command).
 */
final class AppendTurnThroughput {
    private static final int TURNS_PER_RUN = 10_000;
    private static final int RUNS = 3;
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private AppendTurnThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("combot-throughput");
        try (JpaPersistence persistence = JpaPersistence.open(PersistenceSettings.defaults(dataDir))) {
            SessionStorePort store = persistence.sessionStore();
            turnsPerSecond(store, 8);
            for (int threads : new int[] {1, 8}) {
                double[] runs = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    runs[i] = turnsPerSecond(store, threads);
                }
                double[] sorted = runs.clone();
                Arrays.sort(sorted);
                System.out.printf("appendTurn, %d thread(s), %d turns/run: runs %s turns/s, median %.0f turns/s%n",
                        threads, TURNS_PER_RUN, Arrays.toString(Arrays.stream(runs).map(Math::rint).toArray()),
                        sorted[RUNS / 2]);
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static double turnsPerSecond(SessionStorePort store, int threads) throws Exception {
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

    private static void appendTurns(SessionStorePort store, ChatSession session, int count) {
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
