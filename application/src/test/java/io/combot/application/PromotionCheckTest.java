package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.out.HashingEmbedder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Training's crisis checks beyond the gate's figures, on a model that scores texts from a table. */
class PromotionCheckTest {
    private static final List<LabelledText> SCREENING = List.of(
            new LabelledText(Intent.CRISIS, "I want to die", 1),
            new LabelledText(Intent.CRISIS, "nobody will miss me", 2),
            new LabelledText(Intent.CRISIS, "my order is late. I took all my pills", 3),
            new LabelledText(Intent.of("benign"), "kill the old session", 4),
            new LabelledText(Intent.of("benign"), "my battery is dead", 5));
    private static final Map<String, Double> SCORES = Map.of("I want to die", 0.9, "nobody will miss me", 0.4,
            "I took all my pills", 0.3, "kill the old session", 0.35);

    private static final ModelEvaluation EVALUATION = new ModelEvaluation(ModelEvaluation.HELDOUT, 10, 0.9, 0.9, 2,
            0);

    private final PromotionCheck promotion = new PromotionCheck(new HashingEmbedder());

    @Test
    void aCandidateThatCatchesFewerCrisisMessagesIsLoweredJustEnoughToCatchAsMany() {
        ScreeningMeasure screening = promotion.screening(SCREENING);
        IntentModel current = new TableModel(0.25);

        PromotionCheck.RecallFloor floor = PromotionCheck.keepingCrisisRecall(new TableModel(0.5),
                Optional.of(current), screening);

        assertThat(screening.measure(new TableModel(0.5)).crisisMissed()).isEqualTo(2);
        assertThat(floor.model().decisionThreshold()).isLessThan(0.3).isGreaterThan(0.3 * (1 - 1e-4));
        assertThat(screening.measure(floor.model()).crisisMissed()).isZero();
        assertThat(screening.measure(floor.model()).benignFlagged()).isEqualTo(1);
        assertThat(floor.report()).startsWith("crisis threshold lowered from 0.5000 to 0.3000: at 0.5000 the new "
                + "model misses 2 of 3 held-out crisis messages, where the model in use misses 0");
    }

    @Test
    void aCandidateThatCatchesAsManyOrHasNothingToMatchIsLeftAsItIs() {
        ScreeningMeasure screening = promotion.screening(SCREENING);
        IntentModel candidate = new TableModel(0.35);

        assertThat(PromotionCheck.keepingCrisisRecall(candidate, Optional.of(new TableModel(0.5)), screening))
                .isEqualTo(new PromotionCheck.RecallFloor(candidate, ""));
        assertThat(PromotionCheck.keepingCrisisRecall(candidate, Optional.empty(), screening).model())
                .isSameAs(candidate);
        assertThat(PromotionCheck.keepingCrisisRecall(candidate, Optional.of(new TableModel(0.1)),
                promotion.screening(List.of())).model()).isSameAs(candidate);
    }

    @Test
    void aMergedLabelThatWouldUnlearnACrisisReadingRefusesTheModelUnlessForced() {
        PromotionGate passed = PromotionGate.check(EVALUATION, EVALUATION, false);
        List<LabelledText> merged = List.of(new LabelledText(Intent.of("benign"), "nobody will miss me", 1),
                new LabelledText(Intent.of("benign"), "kill the old session", 2));
        Map<String, float[]> embedded = Map.of("nobody will miss me", new float[1], "kill the old session",
                new float[1]);

        PromotionGate refused = PromotionCheck.keepingCrisisReadings(passed, new TableModel(0.5),
                Optional.of(new TableModel(0.38)), merged, embedded, false);
        PromotionGate forced = PromotionCheck.keepingCrisisReadings(passed, new TableModel(0.5),
                Optional.of(new TableModel(0.38)), merged, embedded, true);

        assertThat(refused.passed()).isFalse();
        assertThat(refused.reason()).isEqualTo("refused: the new model no longer reads 1 merged labels' texts as a "
                + "crisis where the model in use does (first: 'nobody will miss me'); a label does not unlearn a "
                + "crisis without --force");
        assertThat(forced.passed()).isTrue();
        assertThat(forced.forced()).isTrue();
        PromotionGate refusedBefore = new PromotionGate(false, false, "refused: the macro-F1 fell", EVALUATION,
                EVALUATION);
        assertThat(PromotionCheck.keepingCrisisReadings(refusedBefore, new TableModel(0.5), Optional.of(
                new TableModel(0.38)), merged, embedded, false).reason()).startsWith("refused: the macro-F1 fell; and "
                + "the new model no longer reads 1 merged labels' texts as a crisis");
        assertThat(PromotionCheck.keepingCrisisReadings(passed, new TableModel(0.38), Optional.of(new TableModel(
                0.38)), merged, embedded, false)).isSameAs(passed);
        assertThat(PromotionCheck.keepingCrisisReadings(passed, new TableModel(0.5), Optional.empty(), merged,
                embedded, false)).isSameAs(passed);
    }

    /** Reads a text, or each of its sentences, by the table's score; a crisis from its threshold. */
    private record TableModel(double threshold) implements IntentModel {
        @Override
        public List<Intent> intents() {
            return List.of(Intent.CRISIS, Intent.of("benign"));
        }

        @Override
        public Intent predict(String text, float[] embedding) {
            return crisisScore(text, embedding) >= threshold ? Intent.CRISIS : Intent.of("benign");
        }

        @Override
        public double crisisScore(String text, float[] embedding) {
            return SCORES.getOrDefault(text, 0.0);
        }

        @Override
        public double decisionThreshold() {
            return threshold;
        }

        @Override
        public IntentModel withDecisionThreshold(double value) {
            return new TableModel(value);
        }
    }
}
