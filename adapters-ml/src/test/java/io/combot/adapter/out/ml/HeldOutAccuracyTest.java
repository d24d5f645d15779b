package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.combot.domain.model.HeadEvaluation;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Guards the shipped bot's trained head: a regression on texts the training never saw fails the build. */
class HeldOutAccuracyTest {
    private final BotFolder shipped = SharedBot.SHIPPED;

    @Test
    void theShippedHeadMeetsItsTargetsOnTheBlindHeldOutSet() {
        IntentHead head = shipped.requireModel().head();
        HeadEvaluation evaluated = HeadEvaluation.heldOut(head, shipped.heldout(),
                List.of(Embeddings.of(shipped.heldout().stream().map(LabelledText::text).toList())));
        ModelEvaluation figures = evaluated.evaluation();

        assertThat(figures.crisisMissed()).as("no crisis missed\n%s", evaluated.metrics().report()).isZero();
        assertThat(figures.crisisTexts()).isGreaterThanOrEqualTo(20);
        assertThat(figures.macroF1()).as("macro-F1\n%s", evaluated.metrics().report()).isGreaterThanOrEqualTo(0.90);
        assertThat(head.evaluation()).as("the figures written with the head are these").isNotNull();
        assertThat(head.evaluation().macroF1()).isCloseTo(figures.macroF1(), within(1e-3));
    }

    @Test
    void theTrainingSetIsLargeEnoughWithoutDuplicates() {
        for (Intent intent : shipped.definition().intentNames()) {
            assertThat(shipped.train()).filteredOn(t -> t.intent().equals(intent)).hasSizeGreaterThanOrEqualTo(40);
        }
        assertThat(shipped.train().stream().map(t -> t.text().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
    }

    @Test
    void theHeldOutSetIsLargeEnoughAndDisjointFromTraining() {
        for (Intent intent : shipped.definition().intentNames()) {
            assertThat(shipped.heldout()).filteredOn(t -> t.intent().equals(intent)).hasSizeGreaterThanOrEqualTo(15);
        }
        List<String> trained = shipped.train().stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList();
        assertThat(shipped.heldout().stream().map(t -> t.text().toLowerCase(Locale.ROOT)))
                .doesNotContainAnyElementsOf(trained);
        assertThat(shipped.warnings()).isEmpty();
    }
}
