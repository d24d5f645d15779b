package io.combot.domain.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A model's predictions scored against labelled texts: the figures the promotion gate compares, and the full metrics. */
public record HeadEvaluation(ModelEvaluation evaluation, IntentMetrics metrics) {
    /** {@code model} on texts it was not trained on, {@code embedded.get(i)} being the embedding of texts' i-th. */
    public static HeadEvaluation heldOut(IntentModel model, List<LabelledText> texts, List<float[]> embedded) {
        List<Intent> predicted = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            predicted.add(model.predict(texts.get(i).text(), embedded.get(i)));
        }
        return score(ModelEvaluation.HELDOUT, model.intents(), texts, predicted);
    }

    /**
     * Macro-F1 over the intents the texts are labelled with, in {@code order} (the model's); predictions of other
     * intents are errors.
     */
    public static HeadEvaluation score(String basis, List<Intent> order, List<LabelledText> texts,
                                      List<Intent> predicted) {
        List<Intent> actual = texts.stream().map(LabelledText::intent).toList();
        Set<Intent> labelled = new LinkedHashSet<>(order);
        labelled.retainAll(Set.copyOf(actual));
        labelled.addAll(actual);
        IntentMetrics metrics = new IntentMetrics(labelled.stream().map(Intent::label).toList());
        int crisisTexts = 0;
        int crisisMissed = 0;
        for (int i = 0; i < actual.size(); i++) {
            metrics.add(actual.get(i).label(), predicted.get(i).label());
            if (actual.get(i).equals(Intent.CRISIS)) {
                crisisTexts++;
                crisisMissed += predicted.get(i).equals(Intent.CRISIS) ? 0 : 1;
            }
        }
        return new HeadEvaluation(new ModelEvaluation(basis, actual.size(), metrics.accuracy(), metrics.macroF1(),
                crisisTexts, crisisMissed), metrics);
    }
}
