package io.combot.domain.port.out;

import java.util.List;
import java.util.Locale;

/**
 * An in-memory {@link EmbedTextsPort}: each lower-cased word (and each word's first five letters) hashed into one of
 * {@value #DIMENSIONS} buckets, then normalised, so texts that share words are close. Deterministic; no model.
 */
public final class HashingEmbedder implements EmbedTextsPort {
    public static final int DIMENSIONS = 256;

    @Override
    public List<float[]> embed(List<String> texts) {
        return texts.stream().map(HashingEmbedder::embedOne).toList();
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String encoderVersion() {
        return "hashing-" + DIMENSIONS;
    }

    private static float[] embedOne(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
                vector[Math.floorMod(word.substring(0, Math.min(5, word.length())).hashCode() * 31, DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
