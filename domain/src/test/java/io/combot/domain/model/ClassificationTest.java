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
        assertThatThrownBy(() -> new Classification(Intent.GREETING, confidence, Map.of(), "m1"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void demotingToUnknownKeepsScoresAndModel() {
        Classification original = new Classification(Intent.QUESTION, 0.4,
                Map.of(Intent.QUESTION, 0.4, Intent.HELP, 0.35, Intent.SMALLTALK, 0.25), "m1");

        Classification unknown = original.asUnknown();

        assertThat(unknown.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(unknown.confidence()).isEqualTo(0.4);
        assertThat(unknown.scores()).isEqualTo(original.scores());
        assertThat(unknown.modelVersion()).isEqualTo("m1");
    }

    @Test
    void labelsRoundTrip() {
        for (Intent intent : Intent.values()) {
            assertThat(Intent.fromLabel(intent.label())).contains(intent);
        }
        assertThat(Intent.fromLabel("GREETING")).isEmpty();
    }
}
