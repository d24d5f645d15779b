package io.combot.adapter.out.ml;

import io.combot.domain.model.Classification;
import io.combot.domain.port.out.ClassifyMessagePort;

/**
 * Classifies with the shared MiniLM workers and one bot's intent head. Confidence below the application's minimum is
 * the application's business: this classifier always names one of the head's intents.
 */
record HeadClassifier(EmbeddingWorkers workers, IntentHead head, String modelVersion) implements ClassifyMessagePort {
    /**
     * With micro-batching, a text whose crisis score lands this close below the threshold is read again alone: a batch
     * moves an embedding (cosine down to about 0.94), enough to lose a crisis that alone reaches the threshold.
     */
    static final double NEAR_CRISIS = 0.5;

    @Override
    public Classification classify(String text) {
        float[] embedding = workers.embed(text);
        if (workers.batches() && nearCrisis(text, embedding)) {
            embedding = workers.embedAlone(text);
        }
        return head.classify(text, embedding, modelVersion);
    }

    private boolean nearCrisis(String text, float[] embedding) {
        double score = head.crisisScore(text, embedding);
        return score < head.decisionThreshold() && score >= NEAR_CRISIS * head.decisionThreshold();
    }

    @Override
    public int readsWholeUpTo() {
        return workers.readsWholeUpTo();
    }
}
