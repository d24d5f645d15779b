package io.combot.adapter.out.ml;

import io.combot.domain.model.Classification;
import io.combot.domain.port.out.ClassifyMessagePort;

/**
 * Classifies a message with MiniLM sentence embeddings and a logistic-regression intent head. Confidence below the
 * application's minimum is the application's business: this adapter always names one of the eight real intents.
 */
final class DjlIntentClassifierAdapter implements ClassifyMessagePort, AutoCloseable {
    private final MiniLmEncoder encoder;
    private final EmbeddingWorkers workers;
    private final IntentHead head;
    private final String modelVersion;

    DjlIntentClassifierAdapter(ClassifierSettings settings) {
        byte[] headBytes = IntentHead.resourceBytes();
        IntentHead tuned = IntentHead.parse(headBytes);
        this.head = tuned.withCrisisThreshold(settings.crisisThreshold().orElse(tuned.crisisThreshold()));
        this.encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
        this.modelVersion = ModelVersion.of(encoder.modelDigest(), headBytes);
        this.workers = new EmbeddingWorkers(encoder, settings);
    }

    @Override
    public Classification classify(String text) {
        return head.classify(workers.embed(text), modelVersion);
    }

    String modelVersion() {
        return modelVersion;
    }

    String engineName() {
        return encoder.engineName();
    }

    boolean isOpen() {
        return workers.isOpen();
    }

    @Override
    public void close() {
        workers.close();
        encoder.close();
    }
}
