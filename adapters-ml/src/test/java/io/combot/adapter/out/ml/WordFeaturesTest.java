package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordFeaturesTest {
    @Test
    void aTextReadsAsItsWordsAndPairsOfAdjacentWordsAsCrisisPhrasesReadThem() {
        assertThat(WordFeatures.tokens("I'm going to KILL-myself."))
                .containsExactly("im", "going", "im_going", "to", "going_to", "kill", "to_kill", "myself",
                        "kill_myself");
        assertThat(WordFeatures.tokens(" ... ")).isEmpty();
        assertThat(WordFeatures.tokens(null)).isEmpty();
    }

    @Test
    void theVocabularyHoldsWhatAtLeastThreeTextsContainTheMostCommonFirstThenAlphabetically() {
        WordFeatures words = WordFeatures.learn(List.of("kill the session", "kill the app", "kill the tab now",
                "end my plan", "kill it"));

        assertThat(words.vocabulary()).containsExactly("kill", "kill_the", "the");
    }

    @Test
    void aTextsFeaturesAreTheWordsAndPairsItContainsAtUnitLength() {
        WordFeatures words = new WordFeatures(List.of("kill", "myself", "kill_myself", "session"));

        SparseFeatures features = words.of(List.of("kill myself, kill myself", "nothing known here"));

        assertThat(features.dims()).isEqualTo(4);
        assertThat(features.indexes()[0]).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(3 * features.values()[0] * features.values()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(features.indexes()[1]).isEmpty();
        assertThat(words.dot(new double[] {9, 9, 1, 2, 3, 4}, 2, "kill myself"))
                .isCloseTo(6 * features.values()[0], within(1e-12));
    }

    @Test
    void aVocabularyIsDistinctTokensWithoutSpaces() {
        assertThatThrownBy(() -> new WordFeatures(List.of("kill", "kill"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordFeatures(List.of("kill myself"))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
