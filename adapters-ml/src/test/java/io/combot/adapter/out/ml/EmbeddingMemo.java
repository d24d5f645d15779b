package io.combot.adapter.out.ml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** For the screening tools: texts embedded through the encoder's workers, each distinct text once. */
final class EmbeddingMemo {
    private final DjlTextEmbedder embedder;
    private final Map<String, float[]> embedded = new HashMap<>();

    EmbeddingMemo(EmbeddingWorkers workers) {
        this.embedder = new DjlTextEmbedder(workers, new byte[0]);
    }

    /** The embeddings of {@code texts}, in order. */
    float[][] embed(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(text -> !embedded.containsKey(text)).toList();
        List<float[]> vectors = embedder.embed(missing);
        for (int i = 0; i < missing.size(); i++) {
            embedded.put(missing.get(i), vectors.get(i));
        }
        return texts.stream().map(embedded::get).toArray(float[][]::new);
    }

    /** The embedding of a text {@link #embed} was given. */
    float[] get(String text) {
        return embedded.get(text);
    }
}
