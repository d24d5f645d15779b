package io.combot.adapter.out.ml;

import io.combot.domain.model.Classification;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.List;

/** {@code bin/ml eval}: the committed head on {@code data/heldout.tsv}, texts the training never saw. */
final class HeldOutEvaluation {
    private HeldOutEvaluation() {
    }

    static IntentMetrics evaluate(ClassifyMessagePort classifier, List<LabelledText> texts) {
        IntentMetrics metrics = new IntentMetrics(IntentHeadTrainer.INTENTS);
        for (LabelledText text : texts) {
            Classification result = classifier.classify(text.text());
            metrics.add(text.intent(), result.intent());
        }
        return metrics;
    }

    public static void main(String[] args) {
        List<LabelledText> heldOut = LabelledText.read(LabelledText.HELD_OUT);
        if (heldOut.isEmpty()) {
            System.out.println(LabelledText.HELD_OUT + " holds no text: put the blind held-out set there first");
            System.exit(1);
        }
        try (DjlIntentClassifierAdapter classifier = new DjlIntentClassifierAdapter(ClassifierSettings.defaults())) {
            System.out.println("model version " + classifier.modelVersion() + ", held-out set " + LabelledText.HELD_OUT);
            System.out.print(evaluate(classifier, heldOut).report());
            boolean verbose = List.of(args).contains("--errors");
            if (verbose) {
                heldOut.forEach(text -> {
                    Classification result = classifier.classify(text.text());
                    if (result.intent() != text.intent()) {
                        System.out.printf("%-9s -> %-9s %.3f  %s%n", text.intent().label(), result.intent().label(),
                                result.confidence(), text.text());
                    }
                });
            }
        }
    }
}
