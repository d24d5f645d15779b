package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The quantized model gives slightly different vectors for a text in a padded batch than for the text alone (its
 * activations are quantized over the whole batch tensor). On the held-out set, a batched text may only get another
 * intent than it gets alone if it sits on a decision boundary, and no crisis text may be lost.
 */
class MicroBatchingEquivalenceTest {
    private static final int BATCH = 8;
    /** Closer than this to the crisis threshold, or to the runner-up's probability, a text is on a boundary. */
    private static final double BOUNDARY = 0.05;

    private final List<LabelledText> heldOut = LabelledText.read(LabelledText.HELD_OUT);
    private final IntentHead head = IntentHead.parse(IntentHead.resourceBytes());

    @Test
    void paddedBatchesChangeOnlyBoundaryTexts() throws TranslateException {
        MiniLmEncoder encoder = SharedEncoder.get();
        List<Classification> alone = new ArrayList<>();
        List<Classification> batched = new ArrayList<>();
        double lowestCosine = 1;
        try (Predictor<TokenBatch, float[][]> predictor = encoder.newPredictor()) {
            // held-out texts in file order: each batch mixes short and long texts, so most rows are padded
            for (int from = 0; from < heldOut.size(); from += BATCH) {
                List<long[]> tokens = heldOut.subList(from, Math.min(from + BATCH, heldOut.size())).stream()
                        .map(text -> encoder.tokenize(text.text())).toList();
                float[][] together = predictor.predict(TokenBatch.pad(tokens));
                for (int i = 0; i < tokens.size(); i++) {
                    float[] single = predictor.predict(TokenBatch.pad(List.of(tokens.get(i))))[0];
                    alone.add(head.classify(single, "alone"));
                    batched.add(head.classify(together[i], "batched"));
                    lowestCosine = Math.min(lowestCosine, dot(single, together[i]));
                }
            }
        }
        assertThat(lowestCosine).as("batching really ran the texts padded").isLessThan(1.0);
        assertOnlyBoundaryTextsDiffer(alone, batched);
    }

    @Test
    void theMicroBatchingAdapterChangesOnlyBoundaryTextsUnderConcurrency() throws Exception {
        ClassifierSettings batching = new ClassifierSettings(1, 1, 16, Duration.ofMillis(20), 256,
                Duration.ofSeconds(1), 256, OptionalDouble.empty());
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (DjlIntentClassifierAdapter adapter = new DjlIntentClassifierAdapter(batching)) {
            List<CompletableFuture<Classification>> concurrent = heldOut.stream()
                    .map(text -> CompletableFuture.supplyAsync(() -> adapter.classify(text.text()), callers))
                    .toList();
            List<Classification> batched = new ArrayList<>();
            for (CompletableFuture<Classification> each : concurrent) {
                batched.add(each.get());
            }
            List<Classification> alone = heldOut.stream().map(t -> SharedClassifier.get().classify(t.text())).toList();
            assertOnlyBoundaryTextsDiffer(alone, batched);
        } finally {
            callers.shutdownNow();
        }
    }

    private void assertOnlyBoundaryTextsDiffer(List<Classification> alone, List<Classification> batched) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            LabelledText text = heldOut.get(i);
            if (alone.get(i).intent() != batched.get(i).intent()) {
                changed.add(text.text() + ": " + alone.get(i).intent() + " -> " + batched.get(i).intent());
                assertThat(distanceToBoundary(alone.get(i))).as(changed.get(changed.size() - 1)).isLessThan(BOUNDARY);
            }
            if (text.intent() == Intent.CRISIS) {
                assertThat(batched.get(i).intent()).as("crisis kept: " + text.text()).isEqualTo(Intent.CRISIS);
            }
        }
        assertThat(changed).as("texts whose intent batching changed").hasSizeLessThanOrEqualTo(3);
    }

    private double distanceToBoundary(Classification alone) {
        double[] p = alone.scores().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double toCrisis = Math.abs(alone.scores().get(Intent.CRISIS) - head.crisisThreshold());
        return Math.min(toCrisis, p[p.length - 1] - p[p.length - 2]);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
