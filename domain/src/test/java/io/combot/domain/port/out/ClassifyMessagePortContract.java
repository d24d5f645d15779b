package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What every {@link ClassifyMessagePort} does; each adapter and the in-memory double extend this once. */
public abstract class ClassifyMessagePortContract {
    protected abstract ClassifyMessagePort classifier();

    static List<Arguments> obviousMessages() {
        return List.of(
                Arguments.of("Hello there!", Intent.of("greeting")),
                Arguments.of("Thank you so much, that helped", Intent.of("thanks")),
                Arguments.of("I want to kill myself", Intent.CRISIS));
    }

    @ParameterizedTest
    @MethodSource("obviousMessages")
    void obviousMessagesGetTheirIntent(String text, Intent expected) {
        assertThat(classifier().classify(text).intent()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "🙂🙂🙂", "hola 你好 привет مرحبا", "tab\tnew\nline\u0000nul\u0007bell",
            "broken \uD800 surrogate \uDC00", "?"})
    void oddTextStillGetsAValidClassification(String text) {
        assertValid(classifier().classify(text));
    }

    @Test
    void aHugeTextStillGetsAValidClassification() {
        assertValid(classifier().classify("why is my parcel late? ".repeat(4_500)));
    }

    @Test
    void manyThreadsGetTheSameAnswerAsOne() throws Exception {
        String text = "Thank you so much, that helped";
        Classification alone = classifier().classify(text);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Classification>> all = IntStream.range(0, 64)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> classifier().classify(text), pool))
                    .toList();
            for (CompletableFuture<Classification> each : all) {
                assertThat(each.get().intent()).isEqualTo(alone.intent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertValid(Classification classification) {
        assertThat(classification.modelVersion()).isNotBlank();
        assertThat(classification.scores()).isNotEmpty();
        assertThat(classification.scores().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-3));
        if (!Intent.UNKNOWN.equals(classification.intent())) {
            assertThat(classification.confidence()).isEqualTo(classification.scores().get(classification.intent()));
        }
    }
}
