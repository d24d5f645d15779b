package io.combot.adapter.out.ml;

import java.util.Arrays;

/**
 * The crisis decision of a bot: a binary logistic regression, crisis against everything else (the other intents,
 * the out-of-scope examples and the benign screening texts), with its own threshold. Kept apart from the intent head
 * so that the decision is trained on the hard negatives ("maybe", "kill the old session") without making them an
 * intent, and so that adding intents cannot move it. It reads the embedding and, when it has a vocabulary, the
 * text's words ({@link WordFeatures}): the first {@link MiniLmEncoder#DIMENSIONS} weights are the embedding's.
 */
record CrisisHead(double bias, double[] weights, double threshold, WordFeatures words) {
    CrisisHead {
        if (weights.length != MiniLmEncoder.DIMENSIONS + words.size()
                || Arrays.stream(weights).anyMatch(w -> !Double.isFinite(w)) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("A crisis head has a finite bias and " + MiniLmEncoder.DIMENSIONS
                    + " finite weights, and one more per word of its vocabulary (" + words.size() + "), not "
                    + weights.length);
        }
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("The crisis threshold lies in (0, 1], not " + threshold);
        }
    }

    /** A head over the embedding alone, as heads were before they read words. */
    CrisisHead(double bias, double[] weights, double threshold) {
        this(bias, weights, threshold, WordFeatures.NONE);
    }

    /** The crisis head of a two-class softmax head ({@code other}, {@code crisis}): the same probabilities. */
    static CrisisHead ofSoftmax(double[][] weights, double[] biases, int crisis, double threshold,
                                WordFeatures words) {
        int other = 1 - crisis;
        double[] w = new double[weights[crisis].length];
        for (int d = 0; d < w.length; d++) {
            w[d] = weights[crisis][d] - weights[other][d];
        }
        return new CrisisHead(biases[crisis] - biases[other], w, threshold, words);
    }

    double probability(String text, float[] embedding) {
        double z = bias;
        for (int d = 0; d < embedding.length; d++) {
            z += weights[d] * embedding[d];
        }
        if (words.size() > 0) {
            z += words.dot(weights, embedding.length, text);
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    boolean isCrisis(String text, float[] embedding) {
        return probability(text, embedding) >= threshold;
    }

    CrisisHead withThreshold(double value) {
        return new CrisisHead(bias, weights, value, words);
    }
}
