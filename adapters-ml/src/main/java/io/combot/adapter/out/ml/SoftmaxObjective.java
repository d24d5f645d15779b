package io.combot.adapter.out.ml;

import java.util.Arrays;

/**
 * The intent head's training objective over a subset of rows: mean cross-entropy of the softmax plus
 * {@code l2 / 2 * ||W||^2}, biases unregularised. Parameters are one flat vector: the weight rows of the classes one
 * after the other (each the dense dimensions, then the sparse ones), then the biases.
 *
 * <p>Speed comes from loop shapes the JIT vectorises: every inner loop runs over one whole array from index 0 (an
 * offset into a shared array, or a float-to-double conversion, keeps Java 17's C2 scalar), and rows go in blocks of
 * four so each weight is fetched from cache once per block. Not thread-safe: one instance per fit.
 */
final class SoftmaxObjective implements Lbfgs.Objective {
    private static final int BLOCK = 4;

    private final double[][] x;
    private final SparseFeatures sparse;
    private final int[] y;
    private final int[] rows;
    private final int classes;
    private final int dense;
    private final int dims;
    private final double l2;
    /** The weights transposed, {@code [dimension][class]}, so the logits of a block grow by one axpy per dimension. */
    private final double[][] transposed;
    private final double[][] gradientRows;
    private final double[][] logits = new double[BLOCK][];
    private final double[][] errors = new double[BLOCK][];
    private final double[] zeros;

    /**
     * @param x embeddings as doubles (shared by all fits, never written); {@code rows} selects this fit's rows
     * @param sparse the rows' features after the embedding
     */
    SoftmaxObjective(double[][] x, SparseFeatures sparse, int[] y, int[] rows, int classes, double l2) {
        this.x = x;
        this.sparse = sparse;
        this.y = y;
        this.rows = rows;
        this.classes = classes;
        this.dense = x[0].length;
        this.dims = dense + sparse.dims();
        this.l2 = l2;
        this.transposed = new double[dense][classes];
        this.gradientRows = new double[classes][dims];
        for (int r = 0; r < BLOCK; r++) {
            logits[r] = new double[classes];
            errors[r] = new double[classes];
        }
        this.zeros = new double[dense];
    }

    static int size(int classes, int dims) {
        return classes * (dims + 1);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int biases = classes * dims;
        for (int k = 0; k < classes; k++) {
            for (int d = 0; d < dense; d++) {
                transposed[d][k] = theta[k * dims + d];
            }
            Arrays.fill(gradientRows[k], 0);
        }
        Arrays.fill(gradient, biases, gradient.length, 0);
        double loss = 0;
        for (int start = 0; start < rows.length; start += BLOCK) {
            int size = Math.min(BLOCK, rows.length - start);
            // A short last block is padded with zero rows whose errors stay zero.
            double[] x0 = x[rows[start]];
            double[] x1 = size > 1 ? x[rows[start + 1]] : zeros;
            double[] x2 = size > 2 ? x[rows[start + 2]] : zeros;
            double[] x3 = size > 3 ? x[rows[start + 3]] : zeros;
            logitsOfBlock(theta, biases, x0, x1, x2, x3);
            for (int r = 0; r < BLOCK; r++) {
                if (r < size) {
                    addSparseLogits(theta, rows[start + r], logits[r]);
                    loss += softmaxErrors(logits[r], errors[r], y[rows[start + r]]);
                } else {
                    Arrays.fill(errors[r], 0);
                }
            }
            for (int k = 0; k < classes; k++) {
                double e0 = errors[0][k];
                double e1 = errors[1][k];
                double e2 = errors[2][k];
                double e3 = errors[3][k];
                double[] g = gradientRows[k];
                for (int d = 0; d < dense; d++) {
                    g[d] += e0 * x0[d] + e1 * x1[d] + e2 * x2[d] + e3 * x3[d];
                }
                gradient[biases + k] += e0 + e1 + e2 + e3;
            }
            for (int r = 0; r < size; r++) {
                addSparseGradient(rows[start + r], errors[r]);
            }
        }
        double n = rows.length;
        double penalty = 0;
        for (int k = 0; k < classes; k++) {
            for (int d = 0; d < dims; d++) {
                double w = theta[k * dims + d];
                penalty += w * w;
                gradient[k * dims + d] = gradientRows[k][d] / n + l2 * w;
            }
            gradient[biases + k] /= n;
        }
        return loss / n + l2 / 2 * penalty;
    }

    private void logitsOfBlock(double[] theta, int biases, double[] x0, double[] x1, double[] x2, double[] x3) {
        double[] z0 = logits[0];
        double[] z1 = logits[1];
        double[] z2 = logits[2];
        double[] z3 = logits[3];
        System.arraycopy(theta, biases, z0, 0, classes);
        System.arraycopy(theta, biases, z1, 0, classes);
        System.arraycopy(theta, biases, z2, 0, classes);
        System.arraycopy(theta, biases, z3, 0, classes);
        for (int d = 0; d < dense; d++) {
            double[] w = transposed[d];
            double a0 = x0[d];
            double a1 = x1[d];
            double a2 = x2[d];
            double a3 = x3[d];
            for (int k = 0; k < classes; k++) {
                double wk = w[k];
                z0[k] += a0 * wk;
                z1[k] += a1 * wk;
                z2[k] += a2 * wk;
                z3[k] += a3 * wk;
            }
        }
    }

    private void addSparseLogits(double[] theta, int row, double[] z) {
        double value = sparse.values()[row];
        for (int j : sparse.indexes()[row]) {
            for (int k = 0; k < classes; k++) {
                z[k] += value * theta[k * dims + dense + j];
            }
        }
    }

    private void addSparseGradient(int row, double[] error) {
        double value = sparse.values()[row];
        for (int j : sparse.indexes()[row]) {
            for (int k = 0; k < classes; k++) {
                gradientRows[k][dense + j] += error[k] * value;
            }
        }
    }

    /** Writes p - onehot(label) into {@code errors}; returns -log p(label). */
    private double softmaxErrors(double[] z, double[] errors, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            errors[k] = Math.exp(z[k] - max);
            sum += errors[k];
        }
        for (int k = 0; k < classes; k++) {
            errors[k] /= sum;
        }
        errors[label] -= 1;
        return Math.log(sum) + max - z[label];
    }
}
