package io.combot.adapter.out.ml;

import java.util.List;

/** Sentence embeddings of a data set, each text run alone, exactly as the adapter runs a text without batching. */
final class Embeddings {
    private Embeddings() {
    }

    static float[][] of(List<String> texts) {
        ClassifierSettings settings = ShippedSettings.classifier().withBatchSize(1);
        try (MiniLmEncoder encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
             EmbeddingWorkers workers = new EmbeddingWorkers(encoder, settings)) {
            return texts.stream().map(workers::embed).toArray(float[][]::new);
        }
    }
}
