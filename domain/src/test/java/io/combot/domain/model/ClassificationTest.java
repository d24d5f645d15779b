package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassificationTest {
    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void confidenceLiesBetweenZeroAndOne(double confidence) {
        assertThatThrownBy(() -> new Classification(Intent.of("greeting"), confidence, Map.of(), "m1"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void demotingToUnknownKeepsScoresAndModel() {
        Classification original = new Classification(Intent.of("question"), 0.4,
                Map.of(Intent.of("question"), 0.4, Intent.of("help"), 0.35, Intent.of("smalltalk"), 0.25), "m1");

        Classification unknown = original.asUnknown();

        assertThat(unknown.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(unknown.confidence()).isEqualTo(0.4);
        assertThat(unknown.scores()).isEqualTo(original.scores());
        assertThat(unknown.modelVersion()).isEqualTo("m1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"greeting", "order_status", "x", "intent_2"})
    void intentNamesAreLowercaseLettersDigitsAndUnderscores(String label) {
        assertThat(Intent.of(label).label()).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GREETING", "order-status", "with space", "é"})
    void otherIntentNamesAreRefusedWithTheName(String label) {
        assertThatThrownBy(() -> Intent.of(label)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theReservedIntentsAreCrisisAndUnknown() {
        assertThat(Intent.of("crisis")).isEqualTo(Intent.CRISIS);
        assertThat(Intent.CRISIS.isReserved()).isTrue();
        assertThat(Intent.UNKNOWN.isReserved()).isTrue();
        assertThat(Intent.of("greeting").isReserved()).isFalse();
    }

    @Test
    void scoresKeepTheModelsOrder() {
        Map<Intent, Double> scores = new java.util.LinkedHashMap<>();
        scores.put(Intent.of("zeta"), 0.5);
        scores.put(Intent.of("alpha"), 0.5);
        assertThat(new Classification(Intent.of("zeta"), 0.5, scores, "m").scores().keySet())
                .containsExactly(Intent.of("zeta"), Intent.of("alpha"));
    }
}
