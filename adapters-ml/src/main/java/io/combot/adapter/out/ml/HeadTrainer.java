package io.combot.adapter.out.ml;

import io.combot.domain.model.IntentMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains the intent head, a multinomial logistic regression over L2-normalised sentence embeddings. Picks the L2
 * strength by stratified 5-fold cross-validation (macro-F1 of the head with its crisis rule); sets the crisis threshold
 * to a margin times the lowest out-of-fold p(crisis) of a crisis text, the margin one step below the largest that
 * misses no crisis text when each fold's threshold comes from the other folds; fits on everything. The crisis head
 * ({@link CrisisHeadTrainer}) replaces that rule in every head {@code train} writes, so the rule gets no cross-validation
 * of its own.
 *
 * <p>Fast enough to run on every data change: L-BFGS instead of gradient descent, each fold walking the L2 grid from
 * strong to weak so every fit starts from the previous optimum, and independent fits spread over a fixed pool.
 * Every fit is sequential and results are gathered in a fixed order, so the result never depends on scheduling.
 */
final class HeadTrainer {
    static final String CRISIS = "crisis";

    /** Strong to weak: each fit of a fold starts from the optimum of the previous, stronger one. */
    private static final double[] L2_GRID = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
    /** Shares of the lowest out-of-fold p(crisis) of a crisis text, from the fewest false alarms down. */
    private static final double[] CRISIS_MARGINS = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final int FOLDS = 5;
    private static final int MAX_ITERATIONS = 300;
    /** Gradient norm at which a fit stops, relative to the norm at zero weights (docs/ml.md: why not tighter). */
    private static final double TOLERANCE = 1e-3;

    /**
     * A trained head and how it was chosen. {@code weights[k]} and {@code biases[k]} belong to {@code labels.get(k)};
     * {@code outOfFoldProbabilities[i]} scores row i by the cross-validation head that never saw it, at the chosen L2.
     */
    record Result(List<String> labels, double[][] weights, double[] biases, double crisisThreshold, double l2,
                  double crisisMargin, double[][] outOfFoldProbabilities, String cvReport) {
    }

    /**
     * The training rows: each embedding as given and widened to doubles for the objective (a repeated row shares one
     * array), and the sparse features that follow it.
     */
    private record Rows(float[][] x, double[][] wide, SparseFeatures sparse) {
        int dims() {
            return x[0].length + sparse.dims();
        }

        /** The probabilities a head gives row {@code i}. */
        double[] probabilities(double[][] weights, double[] biases, int i) {
            return HeadTrainer.probabilities(weights, sparse.shift(biases, weights, x[0].length, i), x[i]);
        }
    }

    /** The models of one fold along the L2 grid, and the probabilities they give the fold's held-out rows. */
    private record Path(double[][] theta, double[][][] heldOut, int[] iterations) {
    }

    private HeadTrainer() {
    }

    /**
     * @param labels the class names in head order (must contain "crisis")
     * @param texts the text of each row, which decides its fold
     * @param x embeddings, rows L2-normalised
     * @param y class index of each row
     * @param progress gets a line per finished stage of work, from the worker threads, in completion order
     */
    static Result train(List<String> labels, List<String> texts, float[][] x, int[] y, Consumer<String> progress) {
        return train(labels, texts, x, SparseFeatures.none(x.length), y, progress);
    }

    /** As above, with each row's features after its embedding: the weights of a class are the embedding's, then these. */
    static Result train(List<String> labels, List<String> texts, float[][] x, SparseFeatures sparse, int[] y,
                        Consumer<String> progress) {
        return train(labels, texts, x, sparse, y, L2_GRID, progress);
    }

    /**
     * At one fixed L2, for a head whose caller sets its own crisis rule from the out-of-fold probabilities.
     *
     * @param sparse each row's features after its embedding; the weights of a class are the embedding's, then these
     */
    static Result atOneL2(List<String> labels, List<String> texts, float[][] x, SparseFeatures sparse, int[] y,
                          double l2, Consumer<String> progress) {
        return train(labels, texts, x, sparse, y, new double[] {l2}, progress);
    }

    private static Result train(List<String> labels, List<String> texts, float[][] embeddings, SparseFeatures sparse,
                                int[] y, double[] l2Grid, Consumer<String> progress) {
        int classes = labels.size();
        int crisis = labels.indexOf(CRISIS);
        check(labels, texts, embeddings, sparse, y);
        Consumer<String> report = line -> {
            synchronized (progress) {
                progress.accept(line);
            }
        };
        int[] fold = folds(texts, y, classes);
        // One double copy for all fits: the gradient loops vectorise only without float-to-double conversions.
        // A row repeated to weigh more is one array, widened once.
        Map<float[], double[]> wide = new IdentityHashMap<>();
        Rows x = new Rows(embeddings, Arrays.stream(embeddings)
                .map(row -> wide.computeIfAbsent(row, HeadTrainer::widened)).toArray(double[][]::new), sparse);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Path>> paths = new ArrayList<>();
            for (int f = 0; f < FOLDS; f++) {
                int[] in = rowsOutside(fold, f);
                int[] out = rows(fold, f);
                String name = String.format(Locale.ROOT, "fold %d/%d", f + 1, FOLDS);
                paths.add(pool.submit(() -> path(x, y, classes, l2Grid, in, out, name, report)));
            }
            List<Path> folds = new ArrayList<>();
            for (Future<Path> path : paths) {
                folds.add(path.get());
            }

            StringBuilder cvReport = new StringBuilder();
            double[] margins = new double[l2Grid.length];
            int best = 0;
            double bestF1 = -1;
            for (int l = 0; l < l2Grid.length; l++) {
                double[][] outOfFold = outOfFold(folds, fold, l);
                IntentMetrics argMax = metrics(labels, y, outOfFold, crisis, i -> Double.POSITIVE_INFINITY);
                // The L2 is judged by the head as it is used, crisis rule included: a weak L2 wins on arg-max
                // macro-F1 by a hair yet makes p(crisis) so extreme that the threshold must drop and flag far more.
                // The rule is cross-fitted (each fold's threshold from the other folds' out-of-fold p(crisis)),
                // which needs no extra fits.
                double[] lowest = IntStream.range(0, FOLDS)
                        .mapToDouble(f -> lowestCrisis(outOfFold, y, crisis, rowsOutside(fold, f))).toArray();
                int[] missed = new int[CRISIS_MARGINS.length];
                int[] falseAlarms = new int[CRISIS_MARGINS.length];
                for (int f = 0; f < FOLDS; f++) {
                    count(outOfFold, y, crisis, rows(fold, f), lowest[f], missed, falseAlarms);
                }
                double margin = CRISIS_MARGINS[marginIndex(missed)];
                margins[l] = margin;
                IntentMetrics rule = metrics(labels, y, outOfFold, crisis, i -> margin * lowest[fold[i]]);
                int level = l;
                cvReport.append(String.format(Locale.ROOT, "l2 %.0e: %d-fold accuracy %.3f, macro-F1 %.3f; with the "
                        + "crisis rule (margin %.1f, cross-fitted) accuracy %.3f, macro-F1 %.3f (L-BFGS iterations "
                        + "per fold %s)%n", l2Grid[l], FOLDS, argMax.accuracy(), argMax.macroF1(), margin,
                        rule.accuracy(), rule.macroF1(), folds.stream()
                                .map(p -> String.valueOf(p.iterations()[level])).collect(Collectors.joining("/"))));
                // Strictly better only: a tie keeps the stronger L2, the simpler head.
                if (rule.macroF1() > bestF1) {
                    bestF1 = rule.macroF1();
                    best = l;
                }
            }
            double[][] outOfFold = outOfFold(folds, fold, best);
            // The head on everything starts from the mean of the folds' heads, which is close to its optimum.
            double[] start = new double[folds.get(0).theta()[best].length];
            for (Path path : folds) {
                for (int i = 0; i < start.length; i++) {
                    start[i] += path.theta()[best][i] / FOLDS;
                }
            }
            Future<Lbfgs.Outcome> whole = fit(pool, x, y, classes, IntStream.range(0, y.length).toArray(),
                    l2Grid[best], start, "all texts", report);
            double margin = margins[best];
            double lowest = lowestCrisis(outOfFold, y, crisis, IntStream.range(0, y.length).toArray());
            double threshold = lowest * margin;
            IntentMetrics metrics = metrics(labels, y, outOfFold, crisis, i -> threshold);
            long falseAlarms = IntStream.range(0, y.length)
                    .filter(i -> y[i] != crisis && outOfFold[i][crisis] >= threshold).count();
            cvReport.append(String.format(Locale.ROOT, "crisis: lowest out-of-fold p(crisis) of a crisis text %.4f; "
                    + "threshold %.1f x that = %.4f flags %d of %d other texts out of fold%n"
                    + "out of fold with the crisis rule: %s", lowest, margin, threshold, falseAlarms,
                    others(y, crisis), metrics.report()));
            double[] theta = whole.get().x();
            cvReport.append(String.format(Locale.ROOT, "chosen: l2 %.0e, crisis threshold %.4f; the head on all %d "
                    + "texts took %d L-BFGS iterations%n", l2Grid[best], threshold, y.length,
                    whole.get().iterations()));
            return new Result(List.copyOf(labels), weights(theta, classes), biases(theta, classes), threshold,
                    l2Grid[best], margin, outOfFold, cvReport.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Softmax probabilities of a head, in the order of its weight rows. */
    static double[] probabilities(double[][] weights, double[] biases, float[] embedding) {
        double[] p = new double[biases.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            double z = biases[k];
            for (int d = 0; d < embedding.length; d++) {
                z += weights[k][d] * embedding[d];
            }
            p[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The arg-max class, except that crisis wins from its own, lower threshold: a miss costs more than an alarm. */
    static int predict(double[] probabilities, int crisisIndex, double crisisThreshold) {
        if (probabilities[crisisIndex] >= crisisThreshold) {
            return crisisIndex;
        }
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            best = probabilities[k] > probabilities[best] ? k : best;
        }
        return best;
    }

    private static void check(List<String> labels, List<String> texts, float[][] x, SparseFeatures sparse, int[] y) {
        if (!labels.contains(CRISIS) || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("The labels are distinct and include crisis: " + labels);
        }
        if (x.length != y.length || x.length != texts.size() || x.length != sparse.rows() || x.length == 0) {
            throw new IllegalArgumentException("One label and one text per embedding, and at least one of each");
        }
        if (Arrays.stream(x).anyMatch(row -> row.length != x[0].length)) {
            throw new IllegalArgumentException("Every embedding has the same length");
        }
        int[] counts = new int[labels.size()];
        for (int label : y) {
            if (label < 0 || label >= labels.size()) {
                throw new IllegalArgumentException("A class index outside the labels: " + label);
            }
            counts[label]++;
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < FOLDS) {
                throw new IllegalArgumentException(labels.get(k) + " has " + counts[k] + " examples; " + FOLDS
                        + "-fold cross-validation needs at least " + FOLDS);
            }
        }
    }

    /** Fits the rows {@code in} along the L2 grid, strong to weak, and scores the rows {@code out} at each L2. */
    private static Path path(Rows x, int[] y, int classes, double[] l2Grid, int[] in, int[] out,
                             String name, Consumer<String> report) {
        double[] theta = new double[SoftmaxObjective.size(classes, x.dims())];
        double[][] thetas = new double[l2Grid.length][];
        double[][][] heldOut = new double[l2Grid.length][][];
        int[] iterations = new int[l2Grid.length];
        for (int l = 0; l < l2Grid.length; l++) {
            Lbfgs.Outcome fit = fit(x, y, classes, in, l2Grid[l], theta, name, report);
            theta = fit.x();
            thetas[l] = theta;
            iterations[l] = fit.iterations();
            double[][] weights = weights(theta, classes);
            double[] biases = biases(theta, classes);
            heldOut[l] = Arrays.stream(out).mapToObj(i -> x.probabilities(weights, biases, i))
                    .toArray(double[][]::new);
        }
        return new Path(thetas, heldOut, iterations);
    }

    private static Future<Lbfgs.Outcome> fit(ExecutorService pool, Rows x, int[] y, int classes, int[] rows,
                                             double l2, double[] start, String name, Consumer<String> report) {
        return pool.submit(() -> fit(x, y, classes, rows, l2, start, name, report));
    }

    private static Lbfgs.Outcome fit(Rows x, int[] y, int classes, int[] rows, double l2, double[] start,
                                     String name, Consumer<String> report) {
        long started = System.nanoTime();
        Lbfgs.Outcome fit = Lbfgs.minimise(new SoftmaxObjective(x.wide(), x.sparse(), y, rows, classes, l2), start,
                MAX_ITERATIONS, TOLERANCE * gradientNormAtZero(x, y, classes, rows));
        report.accept(String.format(Locale.ROOT, "%s, l2 %.0e: %d L-BFGS iterations (%d evaluations), %.1f s", name,
                l2, fit.iterations(), fit.evaluations(), (System.nanoTime() - started) / 1e9));
        return fit;
    }

    private static double[][] outOfFold(List<Path> folds, int[] fold, int level) {
        double[][] outOfFold = new double[fold.length][];
        int[] next = new int[FOLDS];
        for (int i = 0; i < fold.length; i++) {
            outOfFold[i] = folds.get(fold[i]).heldOut()[level][next[fold[i]]++];
        }
        return outOfFold;
    }

    /** Metrics of the crisis rule, with a threshold per row; an infinite threshold leaves the plain arg-max. */
    private static IntentMetrics metrics(List<String> labels, int[] y, double[][] probabilities, int crisis,
                                         IntToDoubleFunction threshold) {
        IntentMetrics metrics = new IntentMetrics(labels);
        for (int i = 0; i < y.length; i++) {
            int predicted = predict(probabilities[i], crisis, threshold.applyAsDouble(i));
            metrics.add(labels.get(y[i]), labels.get(predicted));
        }
        return metrics;
    }

    /** Adds the crisis texts each margin misses and the other texts it flags among {@code rows}. */
    private static void count(double[][] probabilities, int[] y, int crisis, int[] rows, double lowest,
                              int[] missed, int[] falseAlarms) {
        for (int i : rows) {
            double p = probabilities[i][crisis];
            for (int m = 0; m < CRISIS_MARGINS.length; m++) {
                boolean flagged = p >= CRISIS_MARGINS[m] * lowest;
                missed[m] += y[i] == crisis && !flagged ? 1 : 0;
                falseAlarms[m] += y[i] != crisis && flagged ? 1 : 0;
            }
        }
    }

    /**
     * One step below the largest margin that misses no crisis text: one split is a noisy estimate, and a miss costs
     * far more than a false alarm.
     */
    private static int marginIndex(int[] missed) {
        int largestSafe = IntStream.range(0, CRISIS_MARGINS.length).filter(m -> missed[m] == 0).findFirst()
                .orElse(CRISIS_MARGINS.length - 1);
        return Math.min(largestSafe + 1, CRISIS_MARGINS.length - 1);
    }

    private static double lowestCrisis(double[][] probabilities, int[] y, int crisis, int[] rows) {
        return Arrays.stream(rows).filter(i -> y[i] == crisis).mapToDouble(i -> probabilities[i][crisis]).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    private static long others(int[] y, int crisis) {
        return Arrays.stream(y).filter(label -> label != crisis).count();
    }

    /** The scale of the stopping rule: the gradient at zero weights, where every fit would start cold. */
    private static double gradientNormAtZero(Rows x, int[] y, int classes, int[] rows) {
        int size = SoftmaxObjective.size(classes, x.dims());
        double[] gradient = new double[size];
        new SoftmaxObjective(x.wide(), x.sparse(), y, rows, classes, 0).valueAndGradient(new double[size], gradient);
        return Lbfgs.norm(gradient);
    }

    /**
     * Stratified folds that follow from the texts: each intent's distinct texts are dealt round-robin in the order of
     * their hashes, and the copies of one text (a class repeated to weigh more) share its fold, so that no row is
     * scored out of fold by a head that saw its text. A shuffle of all rows moved every row whenever one example was
     * added (a merged label, say), and with the rows the crisis threshold; now a new text moves only some texts of its
     * own intent.
     */
    static int[] folds(List<String> texts, int[] y, int classes) {
        int[] hash = texts.stream().mapToInt(text -> mix(text.toLowerCase(Locale.ROOT).hashCode())).toArray();
        int[] fold = new int[y.length];
        int[] dealt = new int[classes];
        int[] previous = {-1};
        IntStream.range(0, y.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> hash[i]).thenComparing(i -> texts.get(i)))
                .forEachOrdered(i -> {
                    boolean copy = previous[0] >= 0 && y[previous[0]] == y[i]
                            && texts.get(previous[0]).equalsIgnoreCase(texts.get(i));
                    fold[i] = copy ? fold[previous[0]] : dealt[y[i]]++ % FOLDS;
                    previous[0] = i;
                });
        return fold;
    }

    /** MurmurHash3's finaliser: String.hashCode's low bits follow a text's last letters. */
    private static int mix(int hash) {
        int h = hash ^ (hash >>> 16);
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The rows in fold {@code f}. */
    private static int[] rows(int[] fold, int f) {
        return IntStream.range(0, fold.length).filter(i -> fold[i] == f).toArray();
    }

    private static int[] rowsOutside(int[] fold, int f) {
        return IntStream.range(0, fold.length).filter(i -> fold[i] != f).toArray();
    }

    private static double[][] weights(double[] theta, int classes) {
        int dims = theta.length / classes - 1;
        return IntStream.range(0, classes).mapToObj(k -> Arrays.copyOfRange(theta, k * dims, (k + 1) * dims))
                .toArray(double[][]::new);
    }

    private static double[] widened(float[] row) {
        double[] wide = new double[row.length];
        for (int d = 0; d < row.length; d++) {
            wide[d] = row[d];
        }
        return wide;
    }

    private static double[] biases(double[] theta, int classes) {
        return Arrays.copyOfRange(theta, theta.length - classes, theta.length);
    }
}
