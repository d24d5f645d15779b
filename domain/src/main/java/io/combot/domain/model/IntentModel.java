package io.combot.domain.model;

import java.util.List;

/**
 * A trained intent model over sentence embeddings, as the promotion gate sees it: what it predicts for a text, given
 * the text's embedding (the text itself for what the model decides by its words, such as crisis phrases). The gate
 * measures a model this way for itself; whatever figures a model file carries are not read.
 */
public interface IntentModel {
    List<Intent> intents();

    Intent predict(String text, float[] embedding);

    /** How strongly the model reads {@code text} as a crisis: a crisis when this reaches {@link #decisionThreshold}. */
    double crisisScore(String text, float[] embedding);

    double decisionThreshold();

    /** The same model deciding crisis from another threshold. */
    IntentModel withDecisionThreshold(double threshold);
}
