package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.ModelEvaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multinomial logistic regression over sentence embeddings: one weight row and bias per intent, softmax on top.
 * Stored as a small text file ({@code model/head.txt} of a bot): a {@code crisis-threshold} line, an
 * {@code evaluation} line with the figures training measured, then one line per intent, its name, bias and weights.
 * The threshold belongs to these weights, so it travels in the same file. The figures are for people: the promotion
 * gate measures a head for itself and never reads them.
 *
 * @param evaluation how the head did on texts it was not trained on; null for a head that was never evaluated
 */
record IntentHead(List<Intent> intents, double[][] weights, double[] biases, double crisisThreshold,
                  ModelEvaluation evaluation) implements IntentModel {
    private static final String THRESHOLD_KEY = "crisis-threshold";
    private static final String EVALUATION_KEY = "evaluation";

    IntentHead {
        intents = List.copyOf(intents);
        if (intents.isEmpty() || weights.length != intents.size() || biases.length != intents.size()) {
            throw new IllegalArgumentException("A head has one weight row and one bias per intent");
        }
        int dims = weights[0].length;
        if (Arrays.stream(weights).anyMatch(row -> row.length != dims)) {
            throw new IllegalArgumentException("Every weight row of a head has the same length");
        }
        if (!intents.contains(Intent.CRISIS) || intents.contains(Intent.UNKNOWN)) {
            throw new IllegalArgumentException("A head knows crisis and never names unknown");
        }
        if (intents.stream().distinct().count() != intents.size()) {
            throw new IllegalArgumentException("A head names each intent once");
        }
        if (Arrays.stream(weights).flatMapToDouble(Arrays::stream).anyMatch(w -> !Double.isFinite(w))
                || Arrays.stream(biases).anyMatch(b -> !Double.isFinite(b))) {
            throw new IllegalArgumentException("Every weight and bias of a head is a finite number");
        }
        if (!(crisisThreshold > 0.0 && crisisThreshold <= 1.0)) {
            throw new IllegalArgumentException("The crisis threshold lies in (0, 1], not " + crisisThreshold);
        }
    }

    /** Softmax probabilities, in the order of {@link #intents()}. */
    double[] probabilities(float[] embedding) {
        return HeadTrainer.probabilities(weights, biases, embedding);
    }

    /** The predicted intent: the arg-max, except that crisis wins from its own, lower threshold. */
    @Override
    public Intent predict(float[] embedding) {
        return intents.get(HeadTrainer.predict(probabilities(embedding), intents.indexOf(Intent.CRISIS),
                crisisThreshold));
    }

    /**
     * The arg-max intent, except that crisis wins from its own, lower threshold: a missed crisis costs far more than
     * a false alarm. The confidence is the chosen intent's probability.
     */
    Classification classify(float[] embedding, String modelVersion) {
        double[] p = probabilities(embedding);
        Map<Intent, Double> scores = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            scores.put(intents.get(k), p[k]);
        }
        int chosen = HeadTrainer.predict(p, intents.indexOf(Intent.CRISIS), crisisThreshold);
        return new Classification(intents.get(chosen), p[chosen], scores, modelVersion);
    }

    IntentHead withCrisisThreshold(double threshold) {
        return new IntentHead(intents, weights, biases, threshold, evaluation);
    }

    static IntentHead parse(byte[] bytes, String file) {
        List<Intent> intents = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<Double> biases = new ArrayList<>();
        double threshold = Double.NaN;
        ModelEvaluation evaluation = null;
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            try {
                switch (fields[0]) {
                    case THRESHOLD_KEY -> threshold = Double.parseDouble(fields[1]);
                    case EVALUATION_KEY -> evaluation = new ModelEvaluation(fields[1], Integer.parseInt(fields[2]),
                            Double.parseDouble(fields[3]), Double.parseDouble(fields[4]), Integer.parseInt(fields[5]),
                            Integer.parseInt(fields[6]));
                    default -> {
                        double[] row = Arrays.stream(fields, 2, fields.length).mapToDouble(Double::parseDouble)
                                .toArray();
                        if (row.length != MiniLmEncoder.DIMENSIONS) {
                            throw new IllegalArgumentException(row.length + " weights where the model's sentence "
                                    + "embeddings have " + MiniLmEncoder.DIMENSIONS);
                        }
                        intents.add(Intent.of(fields[0]));
                        biases.add(Double.parseDouble(fields[1]));
                        weights.add(row);
                    }
                }
            } catch (RuntimeException e) {
                throw new InvalidBotException(file + " line " + (i + 1) + " is not a line of a trained model ("
                        + e.getMessage() + "): run bin/combot train on the folder again", e);
            }
        }
        try {
            return new IntentHead(intents, weights.toArray(double[][]::new),
                    biases.stream().mapToDouble(Double::doubleValue).toArray(), threshold, evaluation);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new InvalidBotException(file + " is not a complete trained model (" + e.getMessage()
                    + "): run bin/combot train on the folder again", e);
        }
    }

    String format(String comment) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        out.append(THRESHOLD_KEY).append(' ').append(number(crisisThreshold)).append('\n');
        if (evaluation != null) {
            out.append(String.format(Locale.ROOT, "%s %s %d %.4f %.4f %d %d\n", EVALUATION_KEY, evaluation.basis(),
                    evaluation.texts(), evaluation.accuracy(), evaluation.macroF1(), evaluation.crisisTexts(),
                    evaluation.crisisMissed()));
        }
        for (int k = 0; k < intents.size(); k++) {
            out.append(intents.get(k).label()).append(' ').append(number(biases[k]));
            for (double w : weights[k]) {
                out.append(' ').append(number(w));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
