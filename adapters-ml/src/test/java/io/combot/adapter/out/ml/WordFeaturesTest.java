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
    void theFeaturesFollowTheEmbeddingAtUnitLength() {
        WordFeatures words = new WordFeatures(List.of("kill", "myself", "kill_myself", "session"));
        float[] embedding = {0.6f, 0.8f};

        float[] row = words.append(embedding, "kill myself, kill myself");

        assertThat(row).hasSize(6);
        assertThat(row[0]).isEqualTo(0.6f);
        assertThat(row[1]).isEqualTo(0.8f);
        assertThat(row[2] * row[2] + row[3] * row[3] + row[4] * row[4]).isCloseTo(1f, within(1e-6f));
        assertThat(row[5]).isZero();
        assertThat(words.append(embedding, "nothing known here")).containsExactly(0.6f, 0.8f, 0, 0, 0, 0);
    }

    @Test
    void aVocabularyIsDistinctTokensWithoutSpaces() {
        assertThatThrownBy(() -> new WordFeatures(List.of("kill", "kill"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordFeatures(List.of("kill myself"))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
