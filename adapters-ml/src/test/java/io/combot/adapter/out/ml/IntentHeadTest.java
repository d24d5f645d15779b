package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.Classification;
import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.ScreeningEvaluation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The head's decision rule and file format, on hand-made weights over two embedding dimensions. */
class IntentHeadTest {
    private static final Intent THANKS = Intent.of("thanks");
    private static final int D = MiniLmEncoder.DIMENSIONS;

    /** Dimension 0 reads as thanks, 1 as crisis to the intent head, 2 as unknown; the crisis head reads dimension 3. */
    private static IntentHead head() {
        double[][] weights = new double[3][D];
        weights[0][0] = 10;
        weights[1][1] = 10;
        weights[2][2] = 10;
        double[] crisisWeights = new double[D];
        crisisWeights[3] = 20;
        IntentHead plain = new IntentHead(List.of(THANKS, Intent.CRISIS, Intent.UNKNOWN), weights, new double[3],
                WordFeatures.NONE, 0.3, new ModelEvaluation(ModelEvaluation.HELDOUT, 10, 0.9, 0.9, 2, 0));
        return plain.with(new CrisisHead(-10, crisisWeights, 0.5), OptionalDouble.of(0.35),
                plain.evaluation().withScreening(new ScreeningEvaluation(120, 11, 160, 30)));
    }

    private static float[] along(int... dimensions) {
        float[] x = new float[D];
        for (int d : dimensions) {
            x[d] = 1;
        }
        return x;
    }

    @Test
    void theCrisisHeadDecidesCrisisAndTheIntentHeadsCrisisRowDoesNot() {
        IntentHead head = head();

        Classification crisisRowOnly = head.classify("", along(1), "v");
        Classification crisisHead = head.classify("", along(0, 3), "v");

        assertThat(crisisRowOnly.intent()).isNotEqualTo(Intent.CRISIS);
        assertThat(crisisHead.intent()).isEqualTo(Intent.CRISIS);
        assertThat(crisisHead.confidence()).isGreaterThan(0.99);
        assertThat(head.classify("", along(0), "v").intent()).isEqualTo(THANKS);
        assertThat(head.classify("", along(2), "v").intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void anOperatorsThresholdMovesTheCrisisHeadsThreshold() {
        assertThat(head().withDecisionThreshold(0.9).crisisHead().threshold()).isEqualTo(0.9);
        assertThat(head().withDecisionThreshold(0.9).crisisThreshold()).isEqualTo(0.3);
    }

    @Test
    void theFileKeepsTheCrisisHeadTheScreeningFiguresAndTheMinimumConfidence() {
        IntentHead head = head();

        IntentHead read = IntentHead.parse(head.format("a test head").getBytes(StandardCharsets.UTF_8), "head.txt");

        assertThat(read.intents()).containsExactly(THANKS, Intent.CRISIS, Intent.UNKNOWN);
        assertThat(read.minConfidence()).hasValue(0.35);
        assertThat(read.crisisHead().threshold()).isEqualTo(0.5);
        assertThat(read.crisisHead().weights()[3]).isEqualTo(20);
        assertThat(read.evaluation().screening()).isEqualTo(new ScreeningEvaluation(120, 11, 160, 30));
        assertThat(read.classify("", along(0, 3), "v").intent()).isEqualTo(Intent.CRISIS);
    }

    @Test
    void aCrisisHeadThatReadsWordsTellsTheirSenseApartAndKeepsItsVocabularyInTheFile() {
        double[] crisisWeights = new double[D + 2];
        crisisWeights[3] = 20;
        crisisWeights[D] = 30;
        crisisWeights[D + 1] = -30;
        IntentHead head = head().with(new CrisisHead(-10, crisisWeights, 0.5,
                new WordFeatures(List.of("kill_myself", "session"))), OptionalDouble.empty(), null);

        IntentHead read = IntentHead.parse(head.format("a test head").getBytes(StandardCharsets.UTF_8), "head.txt");

        for (IntentHead h : List.of(head, read)) {
            assertThat(h.classify("I could kill myself", along(0), "v").intent()).isEqualTo(Intent.CRISIS);
            assertThat(h.classify("kill the process", along(0, 3), "v").intent()).isEqualTo(Intent.CRISIS);
            assertThat(h.classify("kill the session", along(0, 3), "v").intent()).isEqualTo(THANKS);
        }
        assertThat(read.crisisHead().words().vocabulary()).containsExactly("kill_myself", "session");
    }

    @Test
    void anIntentHeadThatReadsWordsUsesThemAndKeepsItsVocabularyInTheFile() {
        double[][] weights = new double[3][D + 1];
        weights[0][0] = 10;
        weights[2][2] = 10;
        weights[2][D] = 30;
        IntentHead head = new IntentHead(List.of(THANKS, Intent.CRISIS, Intent.UNKNOWN), weights, new double[3],
                new WordFeatures(List.of("weather")), 0.3, null);

        IntentHead read = IntentHead.parse(head.format("a test head").getBytes(StandardCharsets.UTF_8), "head.txt");

        for (IntentHead h : List.of(head, read)) {
            assertThat(h.classify("thanks a lot", along(0), "v").intent()).isEqualTo(THANKS);
            assertThat(h.classify("thanks, and the weather?", along(0), "v").intent()).isEqualTo(Intent.UNKNOWN);
        }
        assertThat(read.words().vocabulary()).containsExactly("weather");
    }

    @Test
    void aFileWhoseWeightRowsDoNotMatchItsVocabularyIsRefused() {
        String file = head().format("a test head").replaceFirst("(?m)^thanks ", "words weather\nthanks ");

        assertThatThrownBy(() -> IntentHead.parse(file.getBytes(StandardCharsets.UTF_8), "head.txt"))
                .isInstanceOf(InvalidBotException.class)
                .hasMessageContaining("384 weights where a row has 385");
    }

    @Test
    void aHeadWrittenBeforeThereWasACrisisHeadKeepsItsCrisisRule() {
        String file = head().format("an older head").lines()
                .filter(line -> !line.startsWith("crisis-head") && !line.startsWith("min-confidence"))
                .reduce("", (all, line) -> all + line + "\n");

        IntentHead older = IntentHead.parse(file.getBytes(StandardCharsets.UTF_8), "head.txt");

        assertThat(older.crisisHead()).isNull();
        assertThat(older.minConfidence()).isEmpty();
        assertThat(older.classify("", along(1), "v").intent()).isEqualTo(Intent.CRISIS);
        assertThat(older.classify("", along(0, 3), "v").intent()).isEqualTo(THANKS);
    }

    @Test
    void aCrisisPhraseMakesATextACrisisWhateverItsEmbeddingScores() {
        IntentHead head = head().with(new CrisisPhrases(List.of("end my life")));

        Classification phrase = head.classify("thanks, and I want to END my life", along(0), "v");

        assertThat(phrase.intent()).isEqualTo(Intent.CRISIS);
        assertThat(phrase.confidence()).isEqualTo(1.0);
        assertThat(phrase.scores()).isEqualTo(head.classify("", along(0), "v").scores());
        assertThat(head.classify("thanks, I want to end my plan", along(0), "v").intent()).isEqualTo(THANKS);
        assertThat(head.predict("end my life", along(2))).isEqualTo(Intent.CRISIS);
        assertThat(head().classify("I want to end my life", along(0), "v").intent()).isEqualTo(THANKS);
    }

    @Test
    void theFileKeepsTheCrisisPhrases() {
        IntentHead head = head().with(new CrisisPhrases(List.of("end my life", "quiero morir")));

        IntentHead read = IntentHead.parse(head.format("a test head").getBytes(StandardCharsets.UTF_8), "head.txt");

        assertThat(read.phrases().phrases()).containsExactly("end my life", "quiero morir");
        assertThat(IntentHead.parse(head().format("none").getBytes(StandardCharsets.UTF_8), "head.txt").phrases())
                .isEqualTo(CrisisPhrases.NONE);
    }
}
