package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input the web layer should have refused, or that breaks naive text handling, still gets a valid answer. */
class BadInputTest {
    private final ClassifyMessagePort classifier = SharedBot.classifier();

    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0000\u0000", "\uD83D", "end with a lone high surrogate \uD83D",
            "\uDE00 starts with a lone low surrogate", "\u202Eright-to-left override", "\uFEFF\u200B\u200D",
            "Ωμέγα ∑ ∞ ≠ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ", "<script>alert('x')</script>",
            "'; DROP TABLE messages; --", "\r\n\r\n\t\t"})
    void oddTextGetsAClassificationOverTheRealIntents(String text) {
        assertWellFormed(classifier.classify(text));
    }

    @Test
    void nullIsClassifiedLikeAnEmptyText() {
        assertThat(classifier.classify(null).scores()).isEqualTo(classifier.classify("").scores());
    }

    @Test
    void aHugeTextOfEmojiIsClassified() {
        assertWellFormed(classifier.classify("😀".repeat(100_000)));
    }

    @Test
    void aLongTextIsCutToTheModelLimitKeepingItsStart() {
        int maxTokens = ShippedSettings.classifier().maxTokens();
        String start = "thank you so much, that helped";
        long[] whole = SharedEncoder.get().tokenize(start + " why is my parcel late?".repeat(4_500));
        long[] alone = SharedEncoder.get().tokenize(start);

        assertThat(whole).hasSize(maxTokens);
        // the same tokens up to the start's [SEP]
        assertThat(Arrays.copyOf(whole, alone.length - 1)).containsExactly(Arrays.copyOf(alone, alone.length - 1));
    }

    @Test
    void shortTextsAreNotPaddedToTheTokenizerFilesFixedLength() {
        assertThat(SharedEncoder.get().tokenize("hi")).hasSize(3);
    }

    private static void assertWellFormed(Classification classification) {
        assertThat(classification.intent()).isNotEqualTo(Intent.UNKNOWN);
        assertThat(classification.scores()).hasSize(8).doesNotContainKey(Intent.UNKNOWN);
        assertThat(classification.scores().values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(classification.scores().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
        // A crisis carries the crisis head's own score; any other intent the intent head's.
        if (!classification.intent().equals(Intent.CRISIS)) {
            assertThat(classification.confidence()).isEqualTo(classification.scores().get(classification.intent()));
        }
        assertThat(classification.confidence()).isBetween(0.0, 1.0);
    }
}
