package io.combot.adapter.out.ml;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded stand-ins for labelled sentence embeddings: Gaussian clusters on the unit sphere around class centres that
 * share a common direction (real sentence embeddings are far from isotropic), so neighbouring classes overlap.
 */
record SyntheticEmbeddings(List<String> labels, float[][] x, int[] y) {
    /**
     * @param spread how far each class centre leans away from the common direction (0: all classes alike)
     * @param noise the length of each row's Gaussian offset from its class centre, before normalising
     */
    static SyntheticEmbeddings clusters(int rows, int classes, int dims, double spread, double noise, long seed) {
        Random random = new Random(seed);
        double[] common = gaussian(random, dims, 1);
        double[][] centres = new double[classes][];
        for (int k = 0; k < classes; k++) {
            double[] centre = gaussian(random, dims, spread);
            for (int d = 0; d < dims; d++) {
                centre[d] += common[d];
            }
            centres[k] = centre;
        }
        float[][] x = new float[rows][];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % classes;
            double[] row = gaussian(random, dims, noise);
            for (int d = 0; d < dims; d++) {
                row[d] += centres[y[i]][d];
            }
            x[i] = normalised(row);
        }
        List<String> labels = IntStream.range(0, classes)
                .mapToObj(k -> k == 0 ? HeadTrainer.CRISIS : "intent" + k).toList();
        return new SyntheticEmbeddings(labels, x, y);
    }

    /** A distinct stand-in text per row, which is all the trainer needs of the texts (they decide the folds). */
    List<String> texts() {
        return IntStream.range(0, y.length).mapToObj(i -> "text " + i).toList();
    }

    /** A Gaussian vector of expected length {@code length}. */
    private static double[] gaussian(Random random, int dims, double length) {
        double[] v = new double[dims];
        for (int d = 0; d < dims; d++) {
            v[d] = random.nextGaussian() * length / Math.sqrt(dims);
        }
        return v;
    }

    private static float[] normalised(double[] v) {
        double norm = Math.sqrt(Lbfgs.dot(v, v));
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = (float) (v[d] / norm);
        }
        return out;
    }
}
