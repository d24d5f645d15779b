package io.combot.domain.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy, macro-F1, per-intent precision and recall and the confusion matrix of predictions against labels. Intents
 * are their labels, so the trainer and the evaluation share it without the domain's intent type.
 */
public final class IntentMetrics {
    /** The column of predictions outside the labels: intents the evaluated texts do not have. */
    private static final String OTHER = "other";

    private final List<String> intents;
    private final int[][] confusion;

    public IntentMetrics(List<String> intents) {
        this.intents = List.copyOf(intents);
        this.confusion = new int[intents.size() + 1][intents.size() + 1];
    }

    /** Counts one prediction; a prediction outside the label set (unknown) lands in the last column. */
    public void add(String actual, String predicted) {
        int column = intents.indexOf(predicted);
        confusion[intents.indexOf(actual)][column < 0 ? intents.size() : column]++;
    }

    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < intents.size(); k++) {
            correct += confusion[k][k];
        }
        return (double) correct / total();
    }

    public double precision(String intent) {
        int k = intents.indexOf(intent);
        int predicted = Arrays.stream(confusion).mapToInt(row -> row[k]).sum();
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    public double recall(String intent) {
        int k = intents.indexOf(intent);
        int actual = Arrays.stream(confusion[k]).sum();
        return actual == 0 ? 0 : (double) confusion[k][k] / actual;
    }

    public double f1(String intent) {
        double p = precision(intent);
        double r = recall(intent);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        return intents.stream().mapToDouble(this::f1).average().orElse(0);
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "texts %d, accuracy %.3f, macro-F1 %.3f%n", total(), accuracy(),
                macroF1()));
        String name = "%-" + Math.max("intent".length(), intents.stream().mapToInt(String::length).max().orElse(0))
                + "s";
        out.append(String.format(Locale.ROOT, name + " %9s %7s %6s%n", "intent", "precision", "recall", "F1"));
        for (String intent : intents) {
            out.append(String.format(Locale.ROOT, name + " %9.3f %7.3f %6.3f%n", intent, precision(intent),
                    recall(intent), f1(intent)));
        }
        out.append("confusion (rows: actual, columns: predicted)\n");
        out.append(String.format(name, ""));
        intents.forEach(intent -> out.append(String.format("%6.5s", intent)));
        out.append(String.format("%6.5s%n", OTHER));
        for (int k = 0; k < intents.size(); k++) {
            out.append(String.format(name, intents.get(k)));
            for (int count : confusion[k]) {
                out.append(String.format("%6d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private int total() {
        return Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum();
    }
}
