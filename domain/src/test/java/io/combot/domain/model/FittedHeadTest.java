package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FittedHeadTest {
    private static final Intent THANKS = Intent.of("thanks");
    private static final Intent GREETING = Intent.of("greeting");

    @Test
    void outOfFoldCrisisFollowsTheThresholdOfTheModelKept() {
        FittedHead fitted = new FittedHead(new ThresholdModel(0.5), 0.5, List.of(
                new FittedHead.OutOfFold(0.9, THANKS),
                new FittedHead.OutOfFold(0.3, THANKS),
                new FittedHead.OutOfFold(0.1, GREETING)), "fit\n", "");

        assertThat(fitted.outOfFoldIntents()).containsExactly(Intent.CRISIS, THANKS, GREETING);

        FittedHead lowered = fitted.with(new ThresholdModel(0.25), "threshold lowered\n");
        assertThat(lowered.crisisThreshold()).isEqualTo(0.25);
        assertThat(lowered.outOfFoldIntents()).containsExactly(Intent.CRISIS, Intent.CRISIS, GREETING);
        assertThat(lowered.fitReport()).isEqualTo("fit\nthreshold lowered\n");
    }

    private record ThresholdModel(double decisionThreshold) implements IntentModel {
        @Override
        public List<Intent> intents() {
            return List.of(Intent.CRISIS, THANKS, GREETING);
        }

        @Override
        public Intent predict(String text, float[] embedding) {
            return THANKS;
        }

        @Override
        public double crisisScore(String text, float[] embedding) {
            return 0;
        }

        @Override
        public IntentModel withDecisionThreshold(double threshold) {
            return new ThresholdModel(threshold);
        }
    }
}
