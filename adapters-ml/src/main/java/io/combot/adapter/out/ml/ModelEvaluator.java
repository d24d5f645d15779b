package io.combot.adapter.out.ml;

import io.combot.domain.model.Intent;
import io.combot.domain.model.ModelEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scores a head's predictions against labelled texts: the figures the promotion gate compares, and the full report. */
final class ModelEvaluator {
    record Evaluated(ModelEvaluation evaluation, IntentMetrics metrics) {
    }

    private ModelEvaluator() {
    }

    /** {@code head} on texts it was not trained on, {@code embedded[i]} being the embedding of {@code texts.get(i)}. */
    static Evaluated evaluate(IntentHead head, List<LabelledText> texts, float[][] embedded) {
        List<Intent> predicted = new ArrayList<>(texts.size());
        for (float[] embedding : embedded) {
            predicted.add(head.predict(embedding));
        }
        return score(ModelEvaluation.HELDOUT, head.intents(), texts.stream().map(LabelledText::intent).toList(),
                predicted);
    }

    /** Out-of-fold: each training text scored by the cross-validation head that never saw it, with the crisis rule. */
    static Evaluated outOfFold(List<Intent> intents, List<LabelledText> texts, double[][] probabilities,
                               double crisisThreshold) {
        int crisis = intents.indexOf(Intent.CRISIS);
        List<Intent> predicted = Arrays.stream(probabilities)
                .map(p -> intents.get(HeadTrainer.predict(p, crisis, crisisThreshold))).toList();
        return score(ModelEvaluation.OUT_OF_FOLD, intents, texts.stream().map(LabelledText::intent).toList(),
                predicted);
    }

    /** Macro-F1 over the intents the texts are labelled with, in the head's order; other predictions are errors. */
    private static Evaluated score(String basis, List<Intent> headOrder, List<Intent> actual, List<Intent> predicted) {
        Set<Intent> labelled = new LinkedHashSet<>(headOrder);
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
        return new Evaluated(new ModelEvaluation(basis, actual.size(), metrics.accuracy(), metrics.macroF1(),
                crisisTexts, crisisMissed), metrics);
    }
}
