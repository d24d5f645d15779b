package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionGateTest {
    private static ModelEvaluation heldout(double macroF1, int crisisMissed) {
        return new ModelEvaluation(ModelEvaluation.HELDOUT, 100, macroF1, macroF1, 20, crisisMissed);
    }

    @ParameterizedTest
    @CsvSource({"0.900, true", "0.880, true", "0.8799, false", "0.950, true"})
    void aModelMayLoseAtMostTwoPointsOfMacroF1(double candidate, boolean passes) {
        PromotionGate gate = PromotionGate.check(heldout(candidate, 0), heldout(0.90, 0), false);

        assertThat(gate.passed()).isEqualTo(passes);
        assertThat(gate.reason()).startsWith(passes ? "passed" : "refused").contains("0.900");
    }

    @Test
    void aModelThatMissesACrisisTextIsRefusedEvenWhenItIsBetterOtherwise() {
        PromotionGate gate = PromotionGate.check(heldout(0.99, 1), heldout(0.90, 0), false);

        assertThat(gate.passed()).isFalse();
        assertThat(gate.reason()).contains("misses 1 of 20 crisis texts");
    }

    private static ModelEvaluation screened(int crisisMissed, int benignFlagged) {
        return heldout(0.90, 0).withScreening(new ScreeningEvaluation(120, crisisMissed, 160, benignFlagged));
    }

    @ParameterizedTest
    @CsvSource({"4, 30, 4, 30, true", "3, 10, 4, 30, true", "5, 10, 4, 30, false", "4, 38, 4, 30, true", "4, 39, 4, 30, false",
            "0, 0, 0, 0, true"})
    void aModelMayNeitherMissMoreScreenedCrisisMessagesNorFlagMoreBenignOnes(int missed, int flagged,
                                                                            int currentMissed, int currentFlagged,
                                                                            boolean passes) {
        PromotionGate gate = PromotionGate.check(screened(missed, flagged), screened(currentMissed, currentFlagged),
                false);

        assertThat(gate.passed()).isEqualTo(passes);
        assertThat(gate.reason()).contains(passes ? (120 - missed) + " of 120 crisis messages caught"
                : missed > currentMissed ? "misses " + missed + " of 120 held-out crisis messages"
                : "flags " + flagged + " of 160 benign messages");
    }

    @Test
    void theFirstModelOnlyHasToCatchEveryCrisis() {
        assertThat(PromotionGate.check(heldout(0.5, 0), null, false).passed()).isTrue();
        assertThat(PromotionGate.check(heldout(0.99, 2), null, false).passed()).isFalse();
    }

    @Test
    void forcingPassesARefusedModelAndSaysSo() {
        PromotionGate gate = PromotionGate.check(heldout(0.5, 3), heldout(0.9, 0), true);

        assertThat(gate.passed()).isTrue();
        assertThat(gate.forced()).isTrue();
        assertThat(gate.reason()).startsWith("forced: ").contains("misses 3");
    }
}
