package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.ScreeningEvaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Multinomial logistic regression over sentence embeddings and, when it has a vocabulary, the text's words
 * ({@link WordFeatures}, as the crisis head reads them): one weight row and bias per intent, softmax on top. Stored as a
 * small text file ({@code model/head.txt} of a bot): a {@code crisis-threshold} line, an
 * {@code evaluation} line with the figures the promotion gate compares (and a {@code screening} line with the crisis
 * screening's), the crisis head's {@code crisis-head-threshold}, {@code crisis-head-words} (its vocabulary) and
 * {@code crisis-head} lines, a
 * {@code min-confidence} line, a {@code crisis-phrase} line per explicit crisis phrase, the intent head's
 * {@code words} line (its vocabulary), then one line per intent, its name, bias and weights (the embedding's, then
 * one per word). The thresholds and the figures
 * belong to these weights, so they travel in the same file. The figures are for people: the promotion gate measures
 * a head for itself and never reads them.
 *
 * <p>{@code unknown} may be one of the intents: a class trained on examples of what the bot does not do.
 *
 * @param words         the words the intent head reads beside the embedding; {@link WordFeatures#NONE} for a head
 *                      written before it read words
 * @param evaluation    how the head did on texts it was not trained on; null for a head that was never evaluated
 * @param crisisHead    the crisis decision; null for a head written before there was one, which decides crisis by
 *                      its own crisis row and {@code crisisThreshold}
 * @param minConfidence below this the intent is unknown, chosen by training on held-out texts; empty when not chosen
 * @param phrases       explicit crisis phrases: a text that contains one is a crisis whatever its scores
 */
record IntentHead(List<Intent> intents, double[][] weights, double[] biases, WordFeatures words,
                  double crisisThreshold, ModelEvaluation evaluation, CrisisHead crisisHead, OptionalDouble minConfidence,
                  CrisisPhrases phrases) implements IntentModel {
    private static final String THRESHOLD_KEY = "crisis-threshold";
    private static final String EVALUATION_KEY = "evaluation";
    private static final String SCREENING_KEY = "screening";
    private static final String CRISIS_HEAD_THRESHOLD_KEY = "crisis-head-threshold";
    private static final String CRISIS_HEAD_KEY = "crisis-head";
    private static final String CRISIS_HEAD_WORDS_KEY = "crisis-head-words";
    private static final String MIN_CONFIDENCE_KEY = "min-confidence";
    private static final String PHRASE_KEY = "crisis-phrase";
    private static final String WORDS_KEY = "words";

    IntentHead {
        intents = List.copyOf(intents);
        if (intents.isEmpty() || weights.length != intents.size() || biases.length != intents.size()) {
            throw new IllegalArgumentException("A head has one weight row and one bias per intent");
        }
        if (Arrays.stream(weights).anyMatch(row -> row.length != MiniLmEncoder.DIMENSIONS + words.size())) {
            throw new IllegalArgumentException("Every weight row of a head has " + MiniLmEncoder.DIMENSIONS
                    + " weights, one per dimension of the model's sentence embeddings, and one more per word of its "
                    + "vocabulary (" + words.size() + ")");
        }
        if (!intents.contains(Intent.CRISIS)) {
            throw new IllegalArgumentException("A head knows crisis");
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
        if (minConfidence == null || minConfidence.isPresent()
                && !(minConfidence.getAsDouble() >= 0 && minConfidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("The minimum confidence is empty or lies in [0, 1]");
        }
        if (phrases == null) {
            throw new IllegalArgumentException("A head has crisis phrases, or CrisisPhrases.NONE");
        }
    }

    IntentHead(List<Intent> intents, double[][] weights, double[] biases, WordFeatures words,
               double crisisThreshold, ModelEvaluation evaluation) {
        this(intents, weights, biases, words, crisisThreshold, evaluation, null, OptionalDouble.empty(),
                CrisisPhrases.NONE);
    }

    /** Softmax probabilities, in the order of {@link #intents()}. */
    double[] probabilities(String text, float[] embedding) {
        return HeadTrainer.probabilities(weights, words.shift(biases, weights, embedding.length, text), embedding);
    }

    /** The predicted intent, as {@link #classify} names it. */
    @Override
    public Intent predict(String text, float[] embedding) {
        return classify(text, embedding, "evaluation").intent();
    }

    /**
     * Crisis, with confidence 1, when {@code text} contains one of the head's crisis phrases; crisis when the crisis
     * head says so (a missed crisis costs far more than a false alarm, so it has its own threshold); otherwise the
     * arg-max of the other intents, with that intent's probability as the confidence. A head without a crisis head
     * lets crisis win from its own, lower threshold on the crisis row.
     */
    Classification classify(String text, float[] embedding, String modelVersion) {
        double[] p = probabilities(text, embedding);
        Map<Intent, Double> scores = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            scores.put(intents.get(k), p[k]);
        }
        Classification scored = byScores(text, embedding, p, scores, modelVersion);
        return scored.intent().equals(Intent.CRISIS) || phrases.findIn(text).isEmpty() ? scored
                : new Classification(Intent.CRISIS, 1.0, scores, modelVersion);
    }

    private Classification byScores(String text, float[] embedding, double[] p, Map<Intent, Double> scores,
                                    String modelVersion) {
        int crisis = intents.indexOf(Intent.CRISIS);
        if (crisisHead == null) {
            int chosen = HeadTrainer.predict(p, crisis, crisisThreshold);
            return new Classification(intents.get(chosen), p[chosen], scores, modelVersion);
        }
        double pCrisis = crisisHead.probability(text, embedding);
        if (pCrisis >= crisisHead.threshold()) {
            return new Classification(Intent.CRISIS, pCrisis, scores, modelVersion);
        }
        int chosen = argMaxOther(p, crisis);
        return new Classification(intents.get(chosen), p[chosen], scores, modelVersion);
    }

    /** The most probable intent other than crisis: the intent when the crisis decision says no. */
    static int argMaxOther(double[] p, int crisis) {
        int chosen = crisis == 0 ? 1 : 0;
        for (int k = 0; k < p.length; k++) {
            chosen = k != crisis && p[k] > p[chosen] ? k : chosen;
        }
        return chosen;
    }

    /** The crisis decision's score: 1 with a crisis phrase, else the crisis head's, or the crisis row's without one. */
    @Override
    public double crisisScore(String text, float[] embedding) {
        return decisionScore(text, crisisHead == null ? probabilities(text, embedding)[intents.indexOf(Intent.CRISIS)]
                : crisisHead.probability(text, embedding));
    }

    /** The crisis decision's score from a head's score of {@code text} (its own or out of fold): 1 with a phrase. */
    double decisionScore(String text, double headScore) {
        return phrases.findIn(text).isPresent() ? 1.0 : headScore;
    }

    /** The crisis decision's threshold: the crisis head's, or the crisis row's for a head without one. */
    @Override
    public double decisionThreshold() {
        return crisisHead == null ? crisisThreshold : crisisHead.threshold();
    }

    /** The same head with another crisis decision threshold (an operator's override, or training's recall floor). */
    @Override
    public IntentHead withDecisionThreshold(double threshold) {
        return crisisHead == null
                ? new IntentHead(intents, weights, biases, words, threshold, evaluation, null, minConfidence, phrases)
                : new IntentHead(intents, weights, biases, words, crisisThreshold, evaluation,
                        crisisHead.withThreshold(threshold), minConfidence, phrases);
    }

    IntentHead with(CrisisHead head, OptionalDouble confidence, ModelEvaluation figures) {
        return new IntentHead(intents, weights, biases, words, crisisThreshold, figures, head, confidence, phrases);
    }

    IntentHead with(CrisisPhrases crisisPhrases) {
        return new IntentHead(intents, weights, biases, words, crisisThreshold, evaluation, crisisHead,
                minConfidence, crisisPhrases);
    }

    static IntentHead parse(byte[] bytes, String file) {
        List<Intent> intents = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<Double> biases = new ArrayList<>();
        double threshold = Double.NaN;
        ModelEvaluation evaluation = null;
        ScreeningEvaluation screening = null;
        double crisisHeadThreshold = Double.NaN;
        double[] crisisHeadRow = null;
        List<String> crisisHeadWords = List.of();
        List<String> words = List.of();
        OptionalDouble minConfidence = OptionalDouble.empty();
        List<String> phrases = new ArrayList<>();
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
                    case SCREENING_KEY -> screening = new ScreeningEvaluation(Integer.parseInt(fields[1]),
                            Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Integer.parseInt(fields[4]));
                    case CRISIS_HEAD_THRESHOLD_KEY -> crisisHeadThreshold = Double.parseDouble(fields[1]);
                    case CRISIS_HEAD_KEY -> crisisHeadRow = Arrays.stream(fields, 1, fields.length)
                            .mapToDouble(Double::parseDouble).toArray();
                    case CRISIS_HEAD_WORDS_KEY -> crisisHeadWords = Arrays.asList(fields).subList(1, fields.length);
                    case MIN_CONFIDENCE_KEY -> minConfidence = OptionalDouble.of(Double.parseDouble(fields[1]));
                    case PHRASE_KEY -> phrases.add(line.trim().substring(PHRASE_KEY.length()).strip());
                    case WORDS_KEY -> words = Arrays.asList(fields).subList(1, fields.length);
                    default -> {
                        double[] row = weightRow(fields, words.size());
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
            CrisisHead crisisHead = crisisHeadRow == null ? null : new CrisisHead(crisisHeadRow[0],
                    Arrays.copyOfRange(crisisHeadRow, 1, crisisHeadRow.length), crisisHeadThreshold,
                    new WordFeatures(crisisHeadWords));
            return new IntentHead(intents, weights.toArray(double[][]::new),
                    biases.stream().mapToDouble(Double::doubleValue).toArray(), new WordFeatures(words), threshold,
                    evaluation == null || screening == null ? evaluation : evaluation.withScreening(screening),
                    crisisHead, minConfidence, new CrisisPhrases(phrases));
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
            ScreeningEvaluation screening = evaluation.screening();
            if (screening != null) {
                out.append(String.format(Locale.ROOT, "%s %d %d %d %d\n", SCREENING_KEY, screening.crisisTexts(),
                        screening.crisisMissed(), screening.benignTexts(), screening.benignFlagged()));
            }
        }
        minConfidence.ifPresent(value -> out.append(MIN_CONFIDENCE_KEY).append(' ').append(number(value))
                .append('\n'));
        phrases.phrases().forEach(phrase -> out.append(PHRASE_KEY).append(' ').append(phrase).append('\n'));
        if (crisisHead != null) {
            out.append(CRISIS_HEAD_THRESHOLD_KEY).append(' ').append(number(crisisHead.threshold())).append('\n');
            if (crisisHead.words().size() > 0) {
                out.append(CRISIS_HEAD_WORDS_KEY).append(' ')
                        .append(String.join(" ", crisisHead.words().vocabulary())).append('\n');
            }
            out.append(CRISIS_HEAD_KEY).append(' ').append(number(crisisHead.bias()));
            for (double w : crisisHead.weights()) {
                out.append(' ').append(number(w));
            }
            out.append('\n');
        }
        if (words.size() > 0) {
            out.append(WORDS_KEY).append(' ').append(String.join(" ", words.vocabulary())).append('\n');
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

    /** The weights of an intent's line, checked against the vocabulary read before it (the file writes it first). */
    private static double[] weightRow(String[] fields, int words) {
        double[] row = Arrays.stream(fields, 2, fields.length).mapToDouble(Double::parseDouble).toArray();
        if (row.length != MiniLmEncoder.DIMENSIONS + words) {
            throw new IllegalArgumentException(row.length + " weights where a row has " + (MiniLmEncoder.DIMENSIONS
                    + words) + ": one per dimension of the model's sentence embeddings (" + MiniLmEncoder.DIMENSIONS
                    + ") and one per word of the words line (" + words + ")");
        }
        return row;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
