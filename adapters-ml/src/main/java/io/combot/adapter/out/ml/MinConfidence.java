package io.combot.adapter.out.ml;

import io.combot.domain.model.LabelledText;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses a bot's minimum confidence on its held-out texts, for a {@code bot.yaml} that does not set one: the
 * threshold (0 to 0.95 in steps of 0.05) under which an intent becomes unknown that gives the best macro-F1 over the
 * held-out intents, unknown included when the held-out set has examples of what the bot does not do. Of thresholds
 * within {@link #TOLERANCE} of the best, the highest: without unknown examples every demotion is an error, and the
 * highest near-best threshold still turns the least certain guesses into questions for the review inbox.
 */
final class MinConfidence {
    static final double TOLERANCE = 0.005;
    private static final int STEPS = 19;

    record Choice(double threshold, double macroF1, String report) {
    }

    private MinConfidence() {
    }

    static Choice choose(IntentHead head, List<LabelledText> heldout, float[][] embedded) {
        List<Classification> read = new ArrayList<>();
        for (int i = 0; i < embedded.length; i++) {
            read.add(head.classify(heldout.get(i).text(), embedded[i], "choice"));
        }
        Set<String> labels = new LinkedHashSet<>();
        heldout.forEach(text -> labels.add(text.intent().label()));
        double[] f1 = new double[STEPS + 1];
        double best = -1;
        StringBuilder report = new StringBuilder("minimum confidence (held-out macro-F1, unknown below it):");
        for (int step = 0; step <= STEPS; step++) {
            double threshold = step * 0.05;
            IntentMetrics metrics = new IntentMetrics(List.copyOf(labels));
            for (int i = 0; i < heldout.size(); i++) {
                Classification c = read.get(i);
                boolean demoted = !c.intent().equals(Intent.CRISIS) && c.confidence() < threshold;
                metrics.add(heldout.get(i).intent().label(), demoted ? Intent.UNKNOWN.label() : c.intent().label());
            }
            f1[step] = metrics.macroF1();
            best = Math.max(best, f1[step]);
            report.append(String.format(Locale.ROOT, "%s %.2f: %.3f", step % 5 == 0 ? "\n " : ",", threshold,
                    f1[step]));
        }
        int chosen = 0;
        for (int step = 0; step <= STEPS; step++) {
            chosen = f1[step] >= best - TOLERANCE ? step : chosen;
        }
        double threshold = chosen * 0.05;
        report.append(String.format(Locale.ROOT, "%nminimum confidence %.2f chosen (macro-F1 %.3f; the highest "
                + "within %.3f of the best)%n", threshold, f1[chosen], TOLERANCE));
        return new Choice(threshold, f1[chosen], report.toString());
    }
}
