package io.combot.adapter.out.ml;

import java.util.Arrays;

/**
 * Binary features of each training row beyond its dense embedding, stored as the indexes present: a text has a
 * handful of a vocabulary's words, so rows that carried the whole vocabulary as zeros cost memory and time in
 * proportion to its size. Every feature present in row {@code i} has the value {@code values[i]}.
 *
 * @param dims    the number of features (0: the rows have none)
 * @param indexes for each row, the features present, each below {@code dims}
 * @param values  for each row, the value of its present features
 */
record SparseFeatures(int dims, int[][] indexes, double[] values) {
    SparseFeatures {
        if (indexes.length != values.length
                || Arrays.stream(indexes).flatMapToInt(Arrays::stream).anyMatch(j -> j < 0 || j >= dims)) {
            throw new IllegalArgumentException("One value per row, and indexes below " + dims);
        }
    }

    /** {@code rows} rows without sparse features. */
    static SparseFeatures none(int rows) {
        return new SparseFeatures(0, new int[rows][0], new double[rows]);
    }

    int rows() {
        return indexes.length;
    }

    /**
     * {@code biases} plus row {@code i}'s features times each class's weights, whose feature weights start at
     * {@code offset}: the logits of a softmax head before its dense part.
     */
    double[] shift(double[] biases, double[][] weights, int offset, int i) {
        double[] shifted = biases.clone();
        for (int k = 0; k < shifted.length; k++) {
            for (int j : indexes[i]) {
                shifted[k] += weights[k][offset + j] * values[i];
            }
        }
        return shifted;
    }
}
