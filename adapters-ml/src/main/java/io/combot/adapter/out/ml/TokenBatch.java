package io.combot.adapter.out.ml;

import java.util.Arrays;
import java.util.List;

/**
 * Token ids of several texts padded to the longest of them (not to a fixed length), row-major, with the mask that
 * tells real tokens from padding.
 */
record TokenBatch(int size, int length, long[] ids, long[] mask) {
    TokenBatch {
        if (ids.length != size * length || mask.length != size * length) {
            throw new IllegalArgumentException("A token batch holds size x length ids and mask values");
        }
    }

    static TokenBatch pad(List<long[]> texts) {
        int length = texts.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[texts.size() * length];
        long[] mask = new long[ids.length];
        for (int row = 0; row < texts.size(); row++) {
            long[] text = texts.get(row);
            System.arraycopy(text, 0, ids, row * length, text.length);
            Arrays.fill(mask, row * length, row * length + text.length, 1L);
        }
        return new TokenBatch(texts.size(), length, ids, mask);
    }
}
