package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedbackAndLabelTest {
    private static final MessageId REPLY = MessageId.random();
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"up,UP", "down,DOWN"})
    void ratingsAreSpelledInLowerCase(String text, Rating rating) {
        assertThat(Rating.parse(text)).isEqualTo(rating);
        assertThat(rating.label()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"UP", "Down", "", "meh", " up"})
    void anyOtherRatingIsRefusedNamingWhatCame(String text) {
        assertThatThrownBy(() -> Rating.parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rating must be \"up\" or \"down\", not ");
    }

    @Test
    void aCommentOfAThousandCharactersIsKeptAndOneMoreIsRefused() {
        String thousandEmoji = "🙃".repeat(1000);
        assertThat(new Feedback(REPLY, Rating.UP, thousandEmoji, AT).comment()).isEqualTo(thousandEmoji);
        assertThatThrownBy(() -> new Feedback(REPLY, Rating.UP, "x".repeat(1001), AT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("comment has at most 1000 characters, not 1001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void aBlankCommentIsNoComment(String blank) {
        assertThat(new Feedback(REPLY, Rating.DOWN, blank, AT).optionalComment()).isEmpty();
    }

    @Test
    void aCommentWithANulIsRefused() {
        assertThatThrownBy(() -> new Feedback(REPLY, Rating.DOWN, "a\0b", AT))
                .hasMessage("comment must not contain a NUL character");
    }

    @Test
    void aLabelNamesARealIntentAndKeepsItsText() {
        assertThatThrownBy(() -> new Label(REPLY, "hi", Intent.UNKNOWN, AT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("intent unknown");
        assertThatThrownBy(() -> new Label(REPLY, " ", Intent.of("greeting"), AT))
                .hasMessage("A label keeps the message's text");
        assertThat(new Label(REPLY, "hi", Intent.CRISIS, AT).intent()).isEqualTo(Intent.CRISIS);
    }

    @ParameterizedTest
    @CsvSource({"low_confidence,true,false", "down_rated,false,true", "all,true,true"})
    void reviewReasonsSayWhatTheyInclude(String text, boolean lowConfidence, boolean downRated) {
        ReviewReason reason = ReviewReason.parse(text);
        assertThat(reason.includesLowConfidence()).isEqualTo(lowConfidence);
        assertThat(reason.includesDownRated()).isEqualTo(downRated);
        assertThatThrownBy(() -> ReviewReason.parse(text.toUpperCase()))
                .hasMessageStartingWith("reason must be one of low_confidence, down_rated, all, not ");
    }
}
