package io.combot.adapter.out.ml;

import io.combot.domain.model.IntentMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link HeadTrainer#train} alone on synthetic embeddings (900 x 9 and 10,000 x 77 classes, overlapping
 * clusters), without the embedding that {@code bin/combot train} does first ({@code bench/train} times the whole).
 */
final class HeadTrainerBenchmark {
    private HeadTrainerBenchmark() {
    }

    public static void main(String[] args) {
        for (int[] size : new int[][] {{900, 9}, {10_000, 77}}) {
            SyntheticEmbeddings data = SyntheticEmbeddings.clusters(size[0], size[1], 384, 0.6, 3, size[1]);
            time("synthetic " + size[0] + " x " + size[1], data);
        }
    }

    private static void time(String name, SyntheticEmbeddings data) {
        List<String> labels = data.labels();
        int[] y = data.y();
        List<String> iterations = new ArrayList<>();
        long started = System.nanoTime();
        HeadTrainer.Result result = HeadTrainer.train(labels, data.texts(), data.x(), y, line -> {
            if (line.contains("iterations")) {
                iterations.add(line);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = iterations.stream().mapToInt(line -> Integer.parseInt(line.replaceAll(".*: (\\d+) L-BFGS.*", "$1")))
                .sum();
        // The arg-max, without the crisis rule: the figure the L2 was chosen by.
        IntentMetrics outOfFold = new IntentMetrics(labels);
        for (int i = 0; i < y.length; i++) {
            int predicted = HeadTrainer.predict(result.outOfFoldProbabilities()[i], labels.indexOf(HeadTrainer.CRISIS),
                    Double.POSITIVE_INFINITY);
            outOfFold.add(labels.get(y[i]), labels.get(predicted));
        }
        System.out.printf(Locale.ROOT, "%s: %.1f s wall, %d L-BFGS iterations in %d fits, l2 %.0e, crisis margin "
                + "%.1f, out-of-fold accuracy %.3f, macro-F1 %.3f%n", name, seconds, total, iterations.size(),
                result.l2(), result.crisisMargin(), outOfFold.accuracy(), outOfFold.macroF1());
    }
}
