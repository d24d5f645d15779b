package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.combot.domain.model.IntentMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The trainer on seeded synthetic embeddings: what it recovers, the crisis rule, determinism, the optimiser. */
class HeadTrainerTest {
    private static final int DIMS = 384;
    private static final SyntheticEmbeddings CLUSTERS = SyntheticEmbeddings.clusters(600, 6, DIMS, 0.6, 2.5, 11);

    private final HeadTrainer.Result result = train(CLUSTERS);

    @Test
    void recoversTheClassesOutOfFold() {
        IntentMetrics metrics = new IntentMetrics(CLUSTERS.labels());
        for (int i = 0; i < CLUSTERS.y().length; i++) {
            int predicted = HeadTrainer.predict(result.outOfFoldProbabilities()[i], 0, Double.POSITIVE_INFINITY);
            metrics.add(CLUSTERS.labels().get(CLUSTERS.y()[i]), CLUSTERS.labels().get(predicted));
        }

        assertThat(metrics.accuracy()).as(metrics.report()).isGreaterThan(0.95);
        assertThat(result.weights()).hasDimensions(6, DIMS);
        assertThat(result.cvReport()).contains("l2 1e-06", "cross-fitted", "chosen: l2");
    }

    @Test
    void theCrisisRuleCatchesEveryCrisisRowOutOfFold() {
        int crisis = CLUSTERS.labels().indexOf(HeadTrainer.CRISIS);

        assertThat(IntStream.range(0, CLUSTERS.y().length).filter(i -> CLUSTERS.y()[i] == crisis))
                .allSatisfy(i -> assertThat(HeadTrainer.predict(result.outOfFoldProbabilities()[i], crisis,
                        result.crisisThreshold())).isEqualTo(crisis));
        assertThat(result.crisisThreshold()).isBetween(0.0, 1.0);
    }

    @Test
    void aHeadAtOneL2ScoresEveryRowOutOfFold() {
        HeadTrainer.Result atOneL2 = HeadTrainer.atOneL2(CLUSTERS.labels(), CLUSTERS.texts(), CLUSTERS.x(),
                SparseFeatures.none(CLUSTERS.y().length), CLUSTERS.y(), 1e-4, line -> { });
        IntentMetrics metrics = new IntentMetrics(CLUSTERS.labels());
        for (int i = 0; i < CLUSTERS.y().length; i++) {
            int predicted = HeadTrainer.predict(atOneL2.outOfFoldProbabilities()[i], 0, Double.POSITIVE_INFINITY);
            metrics.add(CLUSTERS.labels().get(CLUSTERS.y()[i]), CLUSTERS.labels().get(predicted));
        }

        assertThat(atOneL2.l2()).isEqualTo(1e-4);
        assertThat(atOneL2.outOfFoldProbabilities()).hasNumberOfRows(CLUSTERS.y().length);
        assertThat(metrics.accuracy()).as(metrics.report()).isGreaterThan(0.95);
        assertThat(atOneL2.cvReport()).contains("l2 1e-04", "cross-fitted");
    }

    @Test
    void trainingFitsEachFoldAlongTheGridThenAllTextsOnce() {
        List<String> fits = new ArrayList<>();
        HeadTrainer.train(CLUSTERS.labels(), CLUSTERS.texts(), CLUSTERS.x(), CLUSTERS.y(), line -> {
            if (line.contains("L-BFGS iterations")) {
                fits.add(line);
            }
        });

        assertThat(fits).hasSize(5 * 5 + 1).filteredOn(line -> line.startsWith("all texts")).hasSize(1);
    }

    @Test
    void twoRunsGiveTheSameHead() {
        HeadTrainer.Result again = train(CLUSTERS);

        assertThat(again.weights()).isDeepEqualTo(result.weights());
        assertThat(again.biases()).containsExactly(result.biases());
        assertThat(again.crisisThreshold()).isEqualTo(result.crisisThreshold());
        assertThat(again.outOfFoldProbabilities()).isDeepEqualTo(result.outOfFoldProbabilities());
        assertThat(again.cvReport()).isEqualTo(result.cvReport());
    }

    @Test
    void foldsAreStratifiedAndOneMoreTextMovesNoTextOfAnotherIntent() {
        List<String> texts = CLUSTERS.texts();
        int[] y = CLUSTERS.y();
        int[] folds = HeadTrainer.folds(texts, y, 6);
        List<String> withOneMore = new ArrayList<>(texts);
        withOneMore.add("one more text of intent 1");
        int[] yWithOneMore = Arrays.copyOf(y, y.length + 1);
        yWithOneMore[y.length] = 1;

        int[] after = HeadTrainer.folds(withOneMore, yWithOneMore, 6);

        assertThat(IntStream.range(0, y.length).filter(i -> y[i] == 0).map(i -> folds[i]).boxed()
                .collect(Collectors.groupingBy(fold -> fold, Collectors.counting())))
                .containsOnlyKeys(0, 1, 2, 3, 4).allSatisfy((fold, count) -> assertThat(count).isEqualTo(20L));
        assertThat(IntStream.range(0, y.length).filter(i -> y[i] != 1))
                .allSatisfy(i -> assertThat(after[i]).isEqualTo(folds[i]));
    }

    @Test
    void theCopiesOfATextShareItsFoldSoThatNoneIsScoredByAHeadThatSawIt() {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int copy = 0; copy < (i % 2 == 0 ? 5 : 1); copy++) {
                texts.add((copy % 2 == 0 ? "Text " : "TEXT ") + i);
                labels.add(i % 2);
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();

        int[] folds = HeadTrainer.folds(texts, y, 2);

        assertThat(IntStream.range(0, texts.size()).boxed().collect(Collectors.groupingBy(
                i -> texts.get(i).toLowerCase(), Collectors.mapping(i -> folds[i], Collectors.toSet()))))
                .hasSize(40).allSatisfy((text, foldsOfText) -> assertThat(foldsOfText).hasSize(1));
        assertThat(IntStream.range(0, texts.size()).filter(i -> y[i] == 1).map(i -> folds[i]).boxed()
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()))).hasSize(5).containsValue(4L);
    }

    @Test
    void probabilitiesSumToOneAndCrisisWinsFromItsThreshold() {
        double[] p = HeadTrainer.probabilities(result.weights(), result.biases(), CLUSTERS.x()[0]);

        assertThat(p).hasSize(6);
        assertThat(p[0] + p[1] + p[2] + p[3] + p[4] + p[5]).isCloseTo(1.0, within(1e-12));
        assertThat(HeadTrainer.predict(new double[] {0.2, 0.5, 0.3}, 0, 0.2)).isZero();
        assertThat(HeadTrainer.predict(new double[] {0.19, 0.5, 0.31}, 0, 0.2)).isEqualTo(1);
    }

    @Test
    void lbfgsGoesLowerThanGradientDescentWithTenTimesTheSteps() {
        int[] rows = IntStream.range(0, CLUSTERS.y().length).toArray();
        double[][] x = IntStream.range(0, rows.length).mapToObj(i -> {
            double[] row = new double[DIMS];
            IntStream.range(0, DIMS).forEach(d -> row[d] = CLUSTERS.x()[i][d]);
            return row;
        }).toArray(double[][]::new);
        SoftmaxObjective objective = new SoftmaxObjective(x, SparseFeatures.none(x.length), CLUSTERS.y(), rows, 6,
                1e-4);
        int size = SoftmaxObjective.size(6, DIMS);

        Lbfgs.Outcome lbfgs = Lbfgs.minimise(objective, new double[size], 30, 0);
        double[] theta = new double[size];
        double[] gradient = new double[size];
        double gradientDescent = 0;
        for (int step = 0; step < 300; step++) {
            gradientDescent = objective.valueAndGradient(theta, gradient);
            for (int i = 0; i < size; i++) {
                theta[i] -= gradient[i];
            }
        }

        assertThat(lbfgs.iterations()).isEqualTo(30);
        assertThat(lbfgs.value()).isLessThan(gradientDescent);
        assertThat(lbfgs.gradientNorm()).isLessThan(Lbfgs.norm(gradient));
    }

    @Test
    void sparseFeaturesGiveTheObjectiveTheSameValueAndGradientAsTheSameFeaturesWrittenOut() {
        int rows = 7;
        int dense = 3;
        int sparseDims = 5;
        int classes = 3;
        java.util.Random random = new java.util.Random(5);
        int[][] indexes = IntStream.range(0, rows).mapToObj(i -> IntStream.range(0, sparseDims)
                .filter(j -> random.nextBoolean()).toArray()).toArray(int[][]::new);
        double[] values = IntStream.range(0, rows).mapToDouble(i -> 0.5 + i / 10.0).toArray();
        double[][] embeddings = new double[rows][dense];
        double[][] writtenOut = new double[rows][dense + sparseDims];
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < dense; d++) {
                embeddings[i][d] = random.nextGaussian();
                writtenOut[i][d] = embeddings[i][d];
            }
            for (int j : indexes[i]) {
                writtenOut[i][dense + j] = values[i];
            }
        }
        int[] y = IntStream.range(0, rows).map(i -> i % classes).toArray();
        int[] subset = {0, 2, 3, 4, 5, 6};
        double[] theta = random.doubles(SoftmaxObjective.size(classes, dense + sparseDims)).toArray();
        double[] sparseGradient = new double[theta.length];
        double[] denseGradient = new double[theta.length];

        double sparseValue = new SoftmaxObjective(embeddings, new SparseFeatures(sparseDims, indexes, values), y,
                subset, classes, 1e-3).valueAndGradient(theta, sparseGradient);
        double denseValue = new SoftmaxObjective(writtenOut, SparseFeatures.none(rows), y, subset, classes, 1e-3)
                .valueAndGradient(theta, denseGradient);

        assertThat(sparseValue).isCloseTo(denseValue, within(1e-12));
        for (int i = 0; i < theta.length; i++) {
            assertThat(sparseGradient[i]).as("gradient %d", i).isCloseTo(denseGradient[i], within(1e-12));
        }
    }

    private static HeadTrainer.Result train(SyntheticEmbeddings data) {
        return HeadTrainer.train(data.labels(), data.texts(), data.x(), data.y(), line -> { });
    }
}
