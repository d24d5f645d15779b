package io.combot.adapter.out.ml;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Multinomial logistic regression over sentence embeddings: one weight row and bias per intent, softmax on top.
 * Stored as a small text file: a {@code crisis-threshold} line, then one line per intent, its label, bias and
 * weights. The crisis threshold is tuned together with the weights, so it travels in the same file.
 */
record IntentHead(List<Intent> intents, double[][] weights, double[] biases, double crisisThreshold) {
    static final String RESOURCE = "/io/combot/adapter/out/ml/intent-head.txt";
    private static final String THRESHOLD_KEY = "crisis-threshold";

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
        if (!(crisisThreshold > 0.0 && crisisThreshold <= 1.0)) {
            throw new IllegalArgumentException("The crisis threshold lies in (0, 1], not " + crisisThreshold);
        }
    }

    /** Softmax probabilities, in the order of {@link #intents()}. */
    double[] probabilities(float[] embedding) {
        double[] logits = new double[intents.size()];
        for (int k = 0; k < logits.length; k++) {
            double z = biases[k];
            for (int d = 0; d < embedding.length; d++) {
                z += weights[k][d] * embedding[d];
            }
            logits[k] = z;
        }
        return softmax(logits);
    }

    /**
     * The arg-max intent, except that crisis wins from its own, lower threshold: a missed crisis costs far more than
     * a false alarm. The confidence is the chosen intent's probability.
     */
    Classification classify(float[] embedding, String modelVersion) {
        double[] p = probabilities(embedding);
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            scores.put(intents.get(k), p[k]);
            best = p[k] > p[best] ? k : best;
        }
        Intent chosen = scores.get(Intent.CRISIS) >= crisisThreshold ? Intent.CRISIS : intents.get(best);
        return new Classification(chosen, scores.get(chosen), scores, modelVersion);
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    IntentHead withCrisisThreshold(double threshold) {
        return new IntentHead(intents, weights, biases, threshold);
    }

    static byte[] resourceBytes() {
        try (InputStream in = IntentHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run bin/ml train");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static IntentHead parse(byte[] bytes) {
        List<Intent> intents = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<Double> biases = new ArrayList<>();
        double threshold = Double.NaN;
        try (BufferedReader lines = new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                if (fields[0].equals(THRESHOLD_KEY)) {
                    threshold = Double.parseDouble(fields[1]);
                    continue;
                }
                intents.add(Intent.fromLabel(fields[0])
                        .orElseThrow(() -> new IllegalArgumentException("Unknown intent " + fields[0] + " in head")));
                biases.add(Double.parseDouble(fields[1]));
                weights.add(Arrays.stream(fields, 2, fields.length).mapToDouble(Double::parseDouble).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IntentHead(intents, weights.toArray(double[][]::new),
                biases.stream().mapToDouble(Double::doubleValue).toArray(), threshold);
    }

    String format(String comment) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        out.append(THRESHOLD_KEY).append(' ').append(number(crisisThreshold)).append('\n');
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
