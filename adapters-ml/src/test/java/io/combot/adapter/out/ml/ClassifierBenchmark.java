package io.combot.adapter.out.ml;

import io.combot.domain.model.LabelledText;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code bin/ml bench [runs] [seconds]}: model load time, single-text latency, throughput at 1, 2, 4 and 16 callers
 * with and without micro-batching (median of the runs), and process RSS after load and after 100,000
 * classifications. Every loop is bounded in count and time. The texts are the project's chat messages.
 */
final class ClassifierBenchmark {
    private static final int[] CALLERS = {1, 2, 4, 16};
    private static final int LEAK_CHECK_TEXTS = 100_000;

    private final List<String> texts;

    private ClassifierBenchmark(List<String> texts) {
        this.texts = texts;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> texts = Stream.concat(SharedBot.SHIPPED.train().stream(),
                SharedBot.SHIPPED.heldout().stream()).map(LabelledText::text).toList();
        new ClassifierBenchmark(texts).run(runs, Duration.ofSeconds(seconds));
    }

    private void run(int runs, Duration window) throws Exception {
        System.out.printf(Locale.ROOT, "%d texts, %d cores, %d run(s) of %ds per figure%n", texts.size(),
                Runtime.getRuntime().availableProcessors(), runs, window.toSeconds());
        // no cache: the bench cycles over the same texts, so it would time the cache, not the model
        ClassifierSettings unbatched = ShippedSettings.classifier().withBatchSize(1).withCacheSize(0);
        ClassifierSettings batched = ShippedSettings.classifier().withBatchSize(8);

        long start = System.nanoTime();
        try (DjlBotAdapter classifierBot = new DjlBotAdapter(unbatched)) {
            ClassifyMessagePort classifier = classifierBot.current().classifier();
            System.out.printf(Locale.ROOT, "model load: %.0f ms; RSS after load %d MB%n",
                    (System.nanoTime() - start) / 1e6, rssMegabytes());
            latency(classifier);
            throughputs("batch 1 (no micro-batching)", classifier, runs, window);
        }
        try (DjlBotAdapter classifierBot = new DjlBotAdapter(batched)) {
            ClassifyMessagePort classifier = classifierBot.current().classifier();
            throughputs("batch 8 (micro-batching)", classifier, runs, window);
            long before = rssMegabytes();
            double perSecond = classifyMany(classifier, 4, LEAK_CHECK_TEXTS, Duration.ofMinutes(10));
            System.out.printf(Locale.ROOT, "RSS before %d MB, after %,d classifications (4 callers, batch 8, "
                    + "%.0f texts/s) %d MB; max heap %d MB%n", before, LEAK_CHECK_TEXTS, perSecond, rssMegabytes(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private void latency(ClassifyMessagePort classifier) {
        for (int i = 0; i < 3_000; i++) {
            classifier.classify(texts.get(i % texts.size()));
        }
        long[] nanos = new long[2_000];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            classifier.classify(texts.get(i % texts.size()));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "single text, one caller, after 3,000 warm-up calls: median %.2f ms, "
                + "p99 %.2f ms%n", nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    private void throughputs(String mode, ClassifyMessagePort classifier, int runs, Duration window)
            throws Exception {
        classifyMany(classifier, 4, Integer.MAX_VALUE, window);
        for (int callers : CALLERS) {
            double[] perSecond = new double[runs];
            for (int run = 0; run < runs; run++) {
                perSecond[run] = classifyMany(classifier, callers, Integer.MAX_VALUE, window);
            }
            Arrays.sort(perSecond);
            System.out.printf(Locale.ROOT, "%-28s %2d callers: %6.0f texts/s (median; runs %s)%n", mode, callers,
                    perSecond[runs / 2], Arrays.toString(Arrays.stream(perSecond).mapToLong(Math::round).toArray()));
        }
    }

    /** Texts per second that {@code callers} threads reach, stopping at {@code count} texts or after {@code limit}. */
    private double classifyMany(ClassifyMessagePort classifier, int callers, int count, Duration limit)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                all.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        classifier.classify(texts.get(i % texts.size()));
                    }
                }));
            }
            for (Future<?> each : all) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int done = Math.min(next.get() - callers, count);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static long rssMegabytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) >> 10)
                .findFirst().orElse(-1);
    }
}
