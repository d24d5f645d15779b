package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisPhrasesTest {
    private final CrisisPhrases phrases = new CrisisPhrases(List.of("kill myself", "don't want to live",
            "not breathing", "self-harm"));

    @ParameterizedTest
    @ValueSource(strings = {"I'm going to kill myself", "i want to KILL MYSELF!!!", "kill-myself",
            "My order never came and I want to kill\n  myself", "I dont want to live anymore",
            "I don’t want to live", "my son is not breathing", "Self harm again last night"})
    void aPhraseIsFoundWhateverTheCaseApostrophesAndSpacing(String text) {
        assertThat(phrases.findIn(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill the old session", "I killed myself laughing", "uncut myselfie", "maybe",
            "breathing is fine now", "", "self"})
    void onlyWholeWordsOfAPhraseMatch(String text) {
        assertThat(phrases.findIn(text)).isEmpty();
    }

    @Test
    void aMatchNamesThePhraseInItsWordsForm() {
        assertThat(phrases.findIn("I do not want this. I don't want to live.")).contains("dont want to live");
        assertThat(phrases.phrases()).containsExactly("kill myself", "dont want to live", "not breathing",
                "self harm");
    }

    @Test
    void noPhrasesMatchNothingAndNullIsNoText() {
        assertThat(CrisisPhrases.NONE.findIn("kill myself")).isEmpty();
        assertThat(phrases.findIn(null)).isEmpty();
    }

    @Test
    void andKeepsEachPhraseOnce() {
        CrisisPhrases team = new CrisisPhrases(List.of("Kill Myself", "quiero morir"));

        assertThat(phrases.and(team).phrases()).containsExactly("kill myself", "dont want to live", "not breathing",
                "self harm", "quiero morir");
        assertThat(phrases.and(team).findIn("ya no puedo, quiero morir")).contains("quiero morir");
    }

    @Test
    void aPhraseHasWordsAndABoundedLength() {
        assertThatThrownBy(() -> new CrisisPhrases(List.of("  --  "))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'  --  '");
        assertThatThrownBy(() -> new CrisisPhrases(List.of("x".repeat(CrisisPhrases.MAX_PHRASE_CHARS + 1))))
                .isInstanceOf(InvalidInputException.class);
        List<String> many = IntStream.rangeClosed(0, CrisisPhrases.MAX_PHRASES).mapToObj(i -> "phrase " + i).toList();
        assertThatThrownBy(() -> new CrisisPhrases(many)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("At most");
        assertThat(new CrisisPhrases(Collections.nCopies(CrisisPhrases.MAX_PHRASES + 5, "same")).phrases())
                .containsExactly("same");
    }
}
