package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.combot.domain.model.Intent;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Guards the committed head weights: a regression on texts the training never saw fails the build. */
class HeldOutAccuracyTest {
    private static final String NO_BLIND_SET = LabelledText.HELD_OUT + " holds no text yet: the next blind held-out "
            + "set goes there (then run bin/ml eval once); until then docs/ml.md gives cross-validation figures only";

    private final List<LabelledText> train = LabelledText.read(LabelledText.TRAIN);
    private final List<LabelledText> heldOut = LabelledText.read(LabelledText.HELD_OUT);

    @Test
    void theCommittedHeadMeetsItsTargetsOnTheHeldOutSet() {
        assumeFalse(heldOut.isEmpty(), NO_BLIND_SET);
        IntentMetrics metrics = HeldOutEvaluation.evaluate(SharedClassifier.get(), heldOut);

        assertThat(metrics.recall(Intent.CRISIS)).as("no crisis missed\n%s", metrics.report()).isEqualTo(1.0);
        assertThat(metrics.macroF1()).as("macro-F1\n%s", metrics.report()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void theTrainingSetIsLargeEnoughWithoutDuplicates() {
        for (Intent intent : IntentHeadTrainer.INTENTS) {
            assertThat(train).filteredOn(t -> t.intent() == intent).hasSizeGreaterThanOrEqualTo(40);
        }
        assertThat(train.stream().map(t -> t.text().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
    }

    @Test
    void theHeldOutSetIsLargeEnoughAndDisjointFromTraining() {
        assumeFalse(heldOut.isEmpty(), NO_BLIND_SET);
        for (Intent intent : IntentHeadTrainer.INTENTS) {
            assertThat(heldOut).filteredOn(t -> t.intent() == intent).hasSizeGreaterThanOrEqualTo(15);
        }
        assertThat(heldOut.stream().map(t -> t.text().toLowerCase(Locale.ROOT)))
                .doesNotContainAnyElementsOf(train.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList());
    }
}
