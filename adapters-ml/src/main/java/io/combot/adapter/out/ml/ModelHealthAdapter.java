package io.combot.adapter.out.ml;

import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.HealthCheckPort;

/** Up once the classifier's model is loaded (its constructor returned) and until it is closed. */
final class ModelHealthAdapter implements HealthCheckPort {
    static final String NAME = "model";

    private final DjlIntentClassifierAdapter classifier;

    ModelHealthAdapter(DjlIntentClassifierAdapter classifier) {
        this.classifier = classifier;
    }

    @Override
    public ComponentHealth check() {
        return classifier.isOpen()
                ? ComponentHealth.up(NAME, "all-MiniLM-L6-v2 (quantized) on " + classifier.engineName()
                        + ", version " + classifier.modelVersion())
                : ComponentHealth.down(NAME, "the classifier is closed");
    }
}
