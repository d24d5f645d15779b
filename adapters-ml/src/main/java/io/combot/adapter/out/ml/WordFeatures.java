package io.combot.adapter.out.ml;

import io.combot.domain.model.CrisisPhrases;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words and pairs of adjacent words a head reads beside the embedding. The embedding places "kill the old
 * session" and "my battery is dead" near crisis statements; the words around the verb tell them apart. A text's
 * features are binary, one per vocabulary word or pair it contains, scaled to unit length like the embedding, so
 * neither part outweighs the other by its size. Words are read as crisis phrases read them
 * ({@link CrisisPhrases#words}).
 */
final class WordFeatures {
    static final WordFeatures NONE = new WordFeatures(List.of());
    /** A word or pair becomes a feature when this many training texts contain it: rarer ones only memorise texts. */
    static final int MIN_TEXTS = 3;
    /**
     * Bounds the head's size (a weight per word) whatever the training set; rows hold their words sparsely, so
     * training's memory does not grow with it. The shipped bot has about 3,000.
     */
    static final int MAX_VOCABULARY = 8_000;

    private final List<String> vocabulary;
    private final Map<String, Integer> index;

    /** @param vocabulary the words and pairs ("end_my"), in feature order; empty for a head that reads no words */
    WordFeatures(List<String> vocabulary) {
        this.vocabulary = List.copyOf(vocabulary);
        this.index = indexOf(vocabulary);
    }

    List<String> vocabulary() {
        return vocabulary;
    }

    /** The words and pairs at least {@link #MIN_TEXTS} of {@code texts} contain: the most common first, ties by name. */
    static WordFeatures learn(Collection<String> texts) {
        return learn(texts, MAX_VOCABULARY);
    }

    /** As {@link #learn(Collection)}, the {@code limit} most common at most. */
    static WordFeatures learn(Collection<String> texts, int limit) {
        Map<String, Integer> counts = new TreeMap<>();
        texts.forEach(text -> tokens(text).forEach(token -> counts.merge(token, 1, Integer::sum)));
        return new WordFeatures(counts.entrySet().stream().filter(e -> e.getValue() >= MIN_TEXTS)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(Map.Entry::getKey).toList());
    }

    int size() {
        return vocabulary.size();
    }

    /** The feature indexes {@code text} contains, each once. */
    private int[] present(String text) {
        return tokens(text).stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue).toArray();
    }

    /** The word features of each text, for training. */
    SparseFeatures of(List<String> texts) {
        int[][] indexes = texts.stream().map(this::present).toArray(int[][]::new);
        return new SparseFeatures(size(), indexes,
                Arrays.stream(indexes).mapToDouble(present -> value(present.length)).toArray());
    }

    /** The text's word features times {@code weights}, whose feature weights start at {@code offset}. */
    double dot(double[] weights, int offset, String text) {
        int[] present = present(text);
        double sum = 0;
        for (int i : present) {
            sum += weights[offset + i] * value(present.length);
        }
        return sum;
    }

    /**
     * {@code biases} plus the text's word features times each class's weights, whose feature weights start at
     * {@code offset}: the logits of a softmax head before its dense part. {@code biases} itself without a vocabulary.
     */
    double[] shift(double[] biases, double[][] weights, int offset, String text) {
        return size() == 0 ? biases : of(Collections.singletonList(text)).shift(biases, weights, offset, 0);
    }

    /** The value of each present feature: the features of a text have unit length together. */
    private static double value(int present) {
        return 1 / Math.sqrt(Math.max(1, present));
    }

    /** Distinct words and pairs of adjacent words. */
    static Set<String> tokens(String text) {
        String words = CrisisPhrases.words(text == null ? "" : text);
        Set<String> tokens = new LinkedHashSet<>();
        if (words.isEmpty()) {
            return tokens;
        }
        String[] split = words.split(" ");
        for (int i = 0; i < split.length; i++) {
            tokens.add(split[i]);
            if (i > 0) {
                tokens.add(split[i - 1] + "_" + split[i]);
            }
        }
        return tokens;
    }

    private static Map<String, Integer> indexOf(List<String> vocabulary) {
        Map<String, Integer> index = new HashMap<>();
        for (String token : vocabulary) {
            if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)
                    || index.putIfAbsent(token, index.size()) != null) {
                throw new IllegalArgumentException("A vocabulary of distinct tokens without spaces: '" + token + "'");
            }
        }
        return index;
    }
}
