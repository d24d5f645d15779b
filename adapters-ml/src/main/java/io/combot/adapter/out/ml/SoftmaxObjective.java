package io.combot.adapter.out.ml;

/**
 * The intent head's training objective over a subset of rows: mean cross-entropy of the softmax plus
 * {@code l2 / 2 * ||W||^2}, biases unregularised. Parameters are one flat vector, the weights transposed
 * ({@code theta[d * classes + k]} is dimension d of class k) and then the biases, so that both the logits and the
 * gradient are updated by loops over contiguous classes, which the JIT vectorises.
 */
final class SoftmaxObjective implements Lbfgs.Objective {
    /** Rows per pass over the weights: each weight is read once from cache per block, not once per row. */
    private static final int BLOCK = 8;

    private final float[][] x;
    private final int[] y;
    private final int[] rows;
    private final int classes;
    private final int dims;
    private final double l2;
    private final double[] logits;
    private final double[] errors;

    SoftmaxObjective(float[][] x, int[] y, int[] rows, int classes, double l2) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.classes = classes;
        this.dims = x[0].length;
        this.l2 = l2;
        this.logits = new double[BLOCK * classes];
        this.errors = new double[BLOCK * classes];
    }

    static int size(int classes, int dims) {
        return (dims + 1) * classes;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        int biases = dims * classes;
        double loss = 0;
        float[][] block = new float[BLOCK][];
        for (int start = 0; start < rows.length; start += BLOCK) {
            int size = Math.min(BLOCK, rows.length - start);
            for (int r = 0; r < size; r++) {
                block[r] = x[rows[start + r]];
                System.arraycopy(theta, biases, logits, r * classes, classes);
            }
            for (int d = 0; d < dims; d++) {
                int w = d * classes;
                for (int r = 0; r < size; r++) {
                    double xd = block[r][d];
                    int z = r * classes;
                    for (int k = 0; k < classes; k++) {
                        logits[z + k] += xd * theta[w + k];
                    }
                }
            }
            for (int r = 0; r < size; r++) {
                loss += softmaxErrors(r * classes, y[rows[start + r]]);
            }
            for (int d = 0; d < dims; d++) {
                int w = d * classes;
                for (int r = 0; r < size; r++) {
                    double xd = block[r][d];
                    int e = r * classes;
                    for (int k = 0; k < classes; k++) {
                        gradient[w + k] += xd * errors[e + k];
                    }
                }
            }
            for (int r = 0; r < size; r++) {
                for (int k = 0; k < classes; k++) {
                    gradient[biases + k] += errors[r * classes + k];
                }
            }
        }
        double n = rows.length;
        double penalty = 0;
        for (int i = 0; i < biases; i++) {
            penalty += theta[i] * theta[i];
            gradient[i] = gradient[i] / n + l2 * theta[i];
        }
        for (int k = 0; k < classes; k++) {
            gradient[biases + k] /= n;
        }
        return loss / n + l2 / 2 * penalty;
    }

    /** Turns the logits at {@code offset} into p - onehot(label) in {@link #errors}; returns -log p(label). */
    private double softmaxErrors(int offset, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            double e = Math.exp(logits[offset + k] - max);
            errors[offset + k] = e;
            sum += e;
        }
        for (int k = 0; k < classes; k++) {
            errors[offset + k] /= sum;
        }
        errors[offset + label] -= 1;
        return Math.log(sum) + max - logits[offset + label];
    }
}
