package io.combot.adapter.out.ml;

import io.combot.domain.model.Classification;
import io.combot.domain.port.out.ClassifyMessagePort;

/**
 * Classifies with the shared MiniLM workers and one bot's intent head. Confidence below the application's minimum is
 * the application's business: this classifier always names one of the head's intents.
 */
record HeadClassifier(EmbeddingWorkers workers, IntentHead head, String modelVersion) implements ClassifyMessagePort {
    @Override
    public Classification classify(String text) {
        return head.classify(text, workers.embed(text), modelVersion);
    }

    @Override
    public int readsWholeUpTo() {
        return workers.readsWholeUpTo();
    }
}
