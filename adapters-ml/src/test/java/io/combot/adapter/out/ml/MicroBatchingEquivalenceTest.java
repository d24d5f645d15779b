package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quantized model quantizes activations per batch tensor, so a text in a padded batch gets a slightly different
 * vector than alone, and sometimes another intent. By default there is no batching, so a text's answer never depends
 * on its neighbours; with batching on (an opt-in for throughput) the changes are counted, and no crisis text that is
 * recognised alone may be lost in a batch (a false alarm that goes away is fine): a text that scores just below the
 * crisis threshold in a batch is read again alone.
 */
class MicroBatchingEquivalenceTest {
    private static final int CALLERS = 16;
    private static final int FIXED_BATCH = 8;

    /** Every text the project has, training and held-out: this is about batching, not about accuracy. */
    private final List<LabelledText> labelled = Stream.concat(SharedBot.SHIPPED.train().stream(),
            SharedBot.SHIPPED.heldout().stream()).toList();
    private final List<String> texts = labelled.stream().map(LabelledText::text).toList();
    private final IntentHead head = SharedBot.SHIPPED.requireModel().head();

    @Test
    void withTheDefaultSettingsConcurrentCallersGetExactlyTheSingleCallAnswers() throws Exception {
        ClassifyMessagePort classifier = SharedBot.classifier();
        assertThat(ShippedSettings.classifier().batchSize()).isEqualTo(1);
        List<Classification> alone = texts.stream().map(classifier::classify).toList();

        assertThat(concurrently(classifier)).isEqualTo(alone);
    }

    @Test
    void fixedPaddedBatchesChangeSomeVectorsButLoseNoCrisis() throws TranslateException {
        MiniLmEncoder encoder = SharedEncoder.get();
        List<Classification> alone = new ArrayList<>();
        List<Classification> batched = new ArrayList<>();
        double lowestCosine = 1;
        try (Predictor<TokenBatch, float[][]> predictor = encoder.newPredictor()) {
            // texts in file order: each batch mixes short and long texts, so most rows are padded
            for (int from = 0; from < texts.size(); from += FIXED_BATCH) {
                List<long[]> tokens = texts.subList(from, Math.min(from + FIXED_BATCH, texts.size())).stream()
                        .map(encoder::tokenize).toList();
                float[][] together = predictor.predict(TokenBatch.pad(tokens));
                for (int i = 0; i < tokens.size(); i++) {
                    float[] single = predictor.predict(TokenBatch.pad(List.of(tokens.get(i))))[0];
                    alone.add(head.classify(texts.get(from + i), single, "alone"));
                    batched.add(head.classify(texts.get(from + i), together[i], "batched"));
                    lowestCosine = Math.min(lowestCosine, dot(single, together[i]));
                }
            }
        }
        System.out.printf("fixed batches of %d: lowest cosine alone/batched %.4f%n", FIXED_BATCH, lowestCosine);
        assertThat(lowestCosine).as("batching changes vectors: why it is off by default").isLessThan(1.0);
        assertNoCrisisLost("fixed batches of " + FIXED_BATCH, alone, batched);
    }

    @Test
    void microBatchingUnderConcurrencyLosesNoCrisis() throws Exception {
        try (DjlBotAdapter batchedBot = new DjlBotAdapter(batching())) {
            ClassifyMessagePort batched = batchedBot.current().classifier();
            List<Classification> alone = texts.stream().map(SharedBot.classifier()::classify).toList();
            assertNoCrisisLost("batch 16 / 20 ms, " + CALLERS + " callers", alone, concurrently(batched));
        }
    }

    @Test
    void aTextReadAloneWhileOthersAreBatchedGetsExactlyItsVectorAlone() throws Exception {
        MiniLmEncoder encoder = SharedEncoder.get();
        String text = "I don't see the point of going on anymore";
        float[] single;
        try (Predictor<TokenBatch, float[][]> predictor = encoder.newPredictor()) {
            single = predictor.predict(TokenBatch.pad(List.of(encoder.tokenize(text))))[0];
        }
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (EmbeddingWorkers workers = new EmbeddingWorkers(encoder, batching())) {
            List<CompletableFuture<float[]>> others = texts.subList(0, 300).stream()
                    .map(other -> CompletableFuture.supplyAsync(() -> workers.embed(other), callers)).toList();
            List<float[]> alone = IntStream.range(0, 5).mapToObj(i -> workers.embedAlone(text)).toList();
            others.forEach(CompletableFuture::join);

            assertThat(workers.batches()).isTrue();
            assertThat(alone).allSatisfy(vector -> assertThat(vector).containsExactly(single));
        } finally {
            callers.shutdownNow();
        }
    }

    private static ClassifierSettings batching() {
        return new ClassifierSettings(1, 1, 16, Duration.ofMillis(20), 1024, Duration.ofSeconds(1), 256, 0,
                OptionalDouble.empty(), null);
    }

    private List<Classification> concurrently(ClassifyMessagePort classifier) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<CompletableFuture<Classification>> pending = texts.stream()
                    .map(text -> CompletableFuture.supplyAsync(() -> classifier.classify(text), callers)).toList();
            List<Classification> results = new ArrayList<>();
            for (CompletableFuture<Classification> each : pending) {
                results.add(each.get());
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    /** Prints how many texts batching gave another intent; a crisis text recognised alone must stay a crisis. */
    private void assertNoCrisisLost(String mode, List<Classification> alone, List<Classification> batched) {
        List<Integer> changed = IntStream.range(0, texts.size())
                .filter(i -> !alone.get(i).intent().equals(batched.get(i).intent())).boxed().toList();
        System.out.printf("%s: %d of %d texts change intent%n", mode, changed.size(), texts.size());
        changed.forEach(i -> System.out.printf("  %s -> %s: %s%n", alone.get(i).intent().label(),
                batched.get(i).intent().label(), texts.get(i)));
        for (int i : changed) {
            boolean crisisLost = Intent.CRISIS.equals(labelled.get(i).intent())
                    && Intent.CRISIS.equals(alone.get(i).intent());
            assertThat(crisisLost).as("crisis lost in a batch: " + texts.get(i)).isFalse();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
