package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Intent;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Guards the committed head weights: a regression on texts the training never saw fails the build. */
class HeldOutAccuracyTest {
    @Test
    void theCommittedHeadMeetsItsTargetsOnTheHeldOutSet() {
        IntentMetrics metrics = HeldOutEvaluation.evaluate(SharedClassifier.get(),
                LabelledText.read(LabelledText.HELD_OUT));

        assertThat(metrics.recall(Intent.CRISIS)).as("no crisis missed\n%s", metrics.report()).isEqualTo(1.0);
        assertThat(metrics.macroF1()).as("macro-F1\n%s", metrics.report()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void theDataSetsAreLargeEnoughAndDisjoint() {
        var train = LabelledText.read(LabelledText.TRAIN);
        var heldOut = LabelledText.read(LabelledText.HELD_OUT);
        for (Intent intent : IntentHeadTrainer.INTENTS) {
            assertThat(train).filteredOn(t -> t.intent() == intent).hasSizeGreaterThanOrEqualTo(40);
            assertThat(heldOut).filteredOn(t -> t.intent() == intent).hasSizeGreaterThanOrEqualTo(15);
        }
        assertThat(heldOut.stream().map(t -> t.text().toLowerCase(Locale.ROOT)))
                .doesNotContainAnyElementsOf(train.stream().map(t -> t.text().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
