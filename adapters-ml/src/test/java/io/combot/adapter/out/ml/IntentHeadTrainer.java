package io.combot.adapter.out.ml;

import io.combot.domain.model.Intent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code bin/ml train}: rebuilds the intent head from {@code data/train.tsv} alone. Picks the L2 strength by 5-fold
 * cross-validation; sets the crisis threshold to a margin times the lowest out-of-fold p(crisis) of a crisis text,
 * the margin one step below the largest that misses no crisis text in nested cross-validation (the threshold rule
 * tuned on inner folds, then applied to texts it never saw); fits on the whole training set and writes the head.
 */
final class IntentHeadTrainer {
    static final List<Intent> INTENTS = Arrays.stream(Intent.values()).filter(i -> i != Intent.UNKNOWN).toList();
    static final Path HEAD_FILE = Path.of("src/main/resources" + IntentHead.RESOURCE);

    private static final double[] L2_CANDIDATES = {1e-5, 1e-4, 1e-3};
    /** Shares of the lowest out-of-fold p(crisis) of a crisis text, from the fewest false alarms down. */
    private static final double[] CRISIS_MARGINS = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final int FOLDS = 5;
    private static final int ITERATIONS = 800;
    private static final double LEARNING_RATE = 1.0;
    private static final double MOMENTUM = 0.9;
    private static final long SEED = 20240601L;

    private IntentHeadTrainer() {
    }

    public static void main(String[] args) throws IOException {
        List<LabelledText> train = LabelledText.read(LabelledText.TRAIN);
        float[][] x = Embeddings.of(train.stream().map(LabelledText::text).toList());
        int[] y = train.stream().mapToInt(t -> INTENTS.indexOf(t.intent())).toArray();
        int[] fold = stratifiedFolds(y, SEED);

        double bestL2 = L2_CANDIDATES[0];
        double bestF1 = -1;
        double[][] bestOutOfFold = null;
        for (double l2 : L2_CANDIDATES) {
            double[][] outOfFold = crossValidate(x, y, fold, l2);
            IntentMetrics metrics = new IntentMetrics(INTENTS);
            for (int i = 0; i < y.length; i++) {
                metrics.add(INTENTS.get(y[i]), INTENTS.get(argMax(outOfFold[i])));
            }
            System.out.printf(Locale.ROOT, "l2 %.0e: 5-fold accuracy %.3f, macro-F1 %.3f%n", l2, metrics.accuracy(),
                    metrics.macroF1());
            if (metrics.macroF1() > bestF1) {
                bestF1 = metrics.macroF1();
                bestL2 = l2;
                bestOutOfFold = outOfFold;
            }
        }
        double margin = crisisMargin(x, y, fold, bestL2);
        double threshold = crisisThreshold(bestOutOfFold, y, margin);
        IntentHead head = fit(x, y, bestL2, threshold);
        String comment = String.format(Locale.ROOT, """
                Intent head for Combot: multinomial logistic regression over L2-normalised mean-pooled
                all-MiniLM-L6-v2 (quantized) embeddings. Written by `bin/ml train` from data/train.tsv (%d texts).
                L2 %.0e chosen by %d-fold cross-validation (macro-F1 %.3f); crisis threshold %.1f x the lowest
                out-of-fold p(crisis) of a crisis text, the margin chosen by nested cross-validation.
                Line format: intent bias w1 ... w%d""", y.length, bestL2, FOLDS, bestF1, margin, x[0].length);
        Files.writeString(HEAD_FILE, head.format(comment), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s (l2 %.0e, crisis threshold %.4f)%n", HEAD_FILE, bestL2, threshold);
    }

    /** Out-of-fold probabilities: each text scored by a head that never saw it. */
    private static double[][] crossValidate(float[][] x, int[] y, int[] fold, double l2) {
        double[][] outOfFold = new double[y.length][];
        for (int f = 0; f < FOLDS; f++) {
            int current = f;
            int[] in = IntStream.range(0, y.length).filter(i -> fold[i] != current).toArray();
            IntentHead head = fit(select(x, in), Arrays.stream(in).map(i -> y[i]).toArray(), l2, 1.0);
            IntStream.range(0, y.length).filter(i -> fold[i] == current)
                    .forEach(i -> outOfFold[i] = head.probabilities(x[i]));
        }
        return outOfFold;
    }

    /**
     * Nested cross-validation of the threshold rule: in each outer fold the rule is tuned on inner out-of-fold
     * probabilities of the other folds only, then scored on the outer fold. Returns the margin one step below the
     * largest that misses no crisis text there: one nested split is a noisy estimate, and a miss costs far more than a
     * false alarm.
     */
    private static double crisisMargin(float[][] x, int[] y, int[] fold, double l2) {
        int crisis = INTENTS.indexOf(Intent.CRISIS);
        int[] missed = new int[CRISIS_MARGINS.length];
        int[] falseAlarms = new int[CRISIS_MARGINS.length];
        for (int f = 0; f < FOLDS; f++) {
            int current = f;
            int[] in = IntStream.range(0, y.length).filter(i -> fold[i] != current).toArray();
            float[][] xIn = select(x, in);
            int[] yIn = Arrays.stream(in).map(i -> y[i]).toArray();
            double lowest = lowestCrisis(crossValidate(xIn, yIn, stratifiedFolds(yIn, SEED + 1 + f), l2), yIn);
            IntentHead head = fit(xIn, yIn, l2, 1.0);
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != current) {
                    continue;
                }
                double p = head.probabilities(x[i])[crisis];
                for (int m = 0; m < CRISIS_MARGINS.length; m++) {
                    boolean flagged = p >= CRISIS_MARGINS[m] * lowest;
                    missed[m] += y[i] == crisis && !flagged ? 1 : 0;
                    falseAlarms[m] += y[i] != crisis && flagged ? 1 : 0;
                }
            }
        }
        long others = Arrays.stream(y).filter(label -> label != crisis).count();
        for (int m = 0; m < CRISIS_MARGINS.length; m++) {
            System.out.printf(Locale.ROOT, "crisis margin %.1f: nested %d-fold: %d crisis texts missed, %d of %d other "
                    + "texts flagged%n", CRISIS_MARGINS[m], FOLDS, missed[m], falseAlarms[m], others);
        }
        int largestSafe = IntStream.range(0, CRISIS_MARGINS.length).filter(m -> missed[m] == 0).findFirst()
                .orElse(CRISIS_MARGINS.length - 1);
        return CRISIS_MARGINS[Math.min(largestSafe + 1, CRISIS_MARGINS.length - 1)];
    }

    private static double crisisThreshold(double[][] outOfFold, int[] y, double margin) {
        int crisis = INTENTS.indexOf(Intent.CRISIS);
        double lowest = lowestCrisis(outOfFold, y);
        double threshold = lowest * margin;
        IntentMetrics metrics = new IntentMetrics(INTENTS);
        for (int i = 0; i < y.length; i++) {
            int predicted = outOfFold[i][crisis] >= threshold ? crisis : argMax(outOfFold[i]);
            metrics.add(INTENTS.get(y[i]), INTENTS.get(predicted));
        }
        long falseAlarms = IntStream.range(0, y.length)
                .filter(i -> y[i] != crisis && outOfFold[i][crisis] >= threshold).count();
        long others = Arrays.stream(y).filter(label -> label != crisis).count();
        System.out.printf(Locale.ROOT, "crisis: lowest out-of-fold p(crisis) of a crisis text %.4f; threshold %.1f x "
                + "that = %.4f flags %d of %d other texts out of fold%nout of fold with the crisis rule: %s", lowest,
                margin, threshold, falseAlarms, others, metrics.report());
        return threshold;
    }

    private static double lowestCrisis(double[][] outOfFold, int[] y) {
        int crisis = INTENTS.indexOf(Intent.CRISIS);
        return IntStream.range(0, y.length).filter(i -> y[i] == crisis)
                .mapToDouble(i -> outOfFold[i][crisis]).min().orElseThrow();
    }

    /** Full-batch gradient descent with momentum on the L2-regularised cross-entropy. */
    static IntentHead fit(float[][] x, int[] y, double l2, double crisisThreshold) {
        int classes = INTENTS.size();
        int dims = x[0].length;
        double[][] w = new double[classes][dims];
        double[] b = new double[classes];
        double[][] vw = new double[classes][dims];
        double[] vb = new double[classes];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] gw = new double[classes][dims];
            double[] gb = new double[classes];
            IntentHead current = new IntentHead(INTENTS, w, b, 1.0);
            for (int i = 0; i < x.length; i++) {
                double[] p = current.probabilities(x[i]);
                for (int k = 0; k < classes; k++) {
                    double error = (p[k] - (y[i] == k ? 1 : 0)) / x.length;
                    gb[k] += error;
                    for (int d = 0; d < dims; d++) {
                        gw[k][d] += error * x[i][d];
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                for (int d = 0; d < dims; d++) {
                    vw[k][d] = MOMENTUM * vw[k][d] - LEARNING_RATE * (gw[k][d] + l2 * w[k][d]);
                    w[k][d] += vw[k][d];
                }
                vb[k] = MOMENTUM * vb[k] - LEARNING_RATE * gb[k];
                b[k] += vb[k];
            }
        }
        return new IntentHead(INTENTS, w, b, crisisThreshold);
    }

    /** Deals the texts of each intent round-robin over the folds after a seeded shuffle. */
    private static int[] stratifiedFolds(int[] y, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, y.length).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[y.length];
        int[] dealt = new int[INTENTS.size()];
        for (int i : order) {
            fold[i] = dealt[y[i]]++ % FOLDS;
        }
        return fold;
    }

    private static float[][] select(float[][] x, int[] rows) {
        return Arrays.stream(rows).mapToObj(i -> x[i]).toArray(float[][]::new);
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
