package io.combot.adapter.out.ml;

import java.util.Arrays;

/**
 * The crisis decision of a bot: a binary logistic regression, crisis against everything else (the other intents,
 * the out-of-scope examples and the benign screening texts), with its own threshold. Kept apart from the intent head
 * so that the decision is trained on the hard negatives ("maybe", "kill the old session") without making them an
 * intent, and so that adding intents cannot move it.
 */
record CrisisHead(double bias, double[] weights, double threshold) {
    CrisisHead {
        if (weights.length != MiniLmEncoder.DIMENSIONS || Arrays.stream(weights).anyMatch(w -> !Double.isFinite(w))
                || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("A crisis head has a finite bias and " + MiniLmEncoder.DIMENSIONS
                    + " finite weights");
        }
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("The crisis threshold lies in (0, 1], not " + threshold);
        }
    }

    /** The crisis head of a two-class softmax head ({@code other}, {@code crisis}): the same probabilities. */
    static CrisisHead ofSoftmax(double[][] weights, double[] biases, int crisis, double threshold) {
        int other = 1 - crisis;
        double[] w = new double[weights[crisis].length];
        for (int d = 0; d < w.length; d++) {
            w[d] = weights[crisis][d] - weights[other][d];
        }
        return new CrisisHead(biases[crisis] - biases[other], w, threshold);
    }

    double probability(float[] embedding) {
        double z = bias;
        for (int d = 0; d < embedding.length; d++) {
            z += weights[d] * embedding[d];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    boolean isCrisis(float[] embedding) {
        return probability(embedding) >= threshold;
    }

    CrisisHead withThreshold(double value) {
        return new CrisisHead(bias, weights, value);
    }
}
