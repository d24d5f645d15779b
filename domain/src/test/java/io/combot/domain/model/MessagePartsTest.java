package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessagePartsTest {
    private static final int READ_WHOLE = 254;

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "I want to end my plan this month", "Thanks, that worked!", "  hi  ", "a.b.c",
            "How do I end a chat and start a new one?"})
    void aMessageOfOneSentenceIsItsOnlyPartUnchanged(String text) {
        assertThat(MessageParts.of(text, READ_WHOLE)).containsExactly(text);
    }

    @Test
    void everySentenceIsAPart() {
        String text = "Thanks for the help earlier, the password reset worked. Honestly though I don't see the point "
                + "of living anymore. Anyway, bye!";

        assertThat(MessageParts.of(text, READ_WHOLE)).containsExactly(
                "Thanks for the help earlier, the password reset worked.",
                "Honestly though I don't see the point of living anymore.", "Anyway, bye!");
    }

    @Test
    void aFullStopBeforeALowercaseWordEndsAPart() {
        assertThat(MessageParts.of("thanks for the help. i want to die", READ_WHOLE))
                .containsExactly("thanks for the help.", "i want to die");
    }

    @Test
    void aLineBreakEndsAPart() {
        assertThat(MessageParts.of("hi there\nmy refund never came\n\nok", READ_WHOLE))
                .containsExactly("hi there", "my refund never came", "ok");
    }

    @Test
    void aSentenceTooLongToReadWholeIsReadInOverlappingWindowsThatCoverIt() {
        String words = "lorem ipsum dolor sit amet ".repeat(40) + "I want to die " + "lorem ipsum dolor sit amet ".repeat(40);
        List<String> parts = MessageParts.of(words.strip(), READ_WHOLE);

        assertThat(parts).hasSizeGreaterThan(2).allMatch(part -> part.length() <= READ_WHOLE);
        assertThat(parts).anyMatch(part -> part.contains("I want to die"));
        assertThat(String.join(" ", parts).split(" ")).contains("lorem", "die");
    }

    @Test
    void aCrisisSentenceAfterALongOrdinaryTextIsItsOwnPart() {
        String text = "Good morning, I hope you are well. ".repeat(40) + "I'm going to end it all tonight.";

        List<String> parts = MessageParts.of(text, READ_WHOLE);

        assertThat(text).hasSizeGreaterThan(1_200);
        assertThat(parts).last().isEqualTo("I'm going to end it all tonight.");
    }

    @Test
    void manyShortSentencesArePackedUpToTheReadingLimitAndBounded() {
        String text = "ok ".repeat(1_000).replace("ok ok", "ok. ok");

        List<String> parts = MessageParts.of(text, READ_WHOLE);

        assertThat(parts).hasSizeLessThanOrEqualTo(MessageParts.MAX_PARTS);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(part -> part.length() <= READ_WHOLE);
        assertThat(String.join(" ", parts).split(" +")).hasSize(1_000);
    }

    @Test
    void aMessageOfTheServicesLongestLengthNeedsNoMoreThanTheBound() {
        String text = "This sentence is an ordinary one of about sixty characters. ".repeat(4_000 / 60);

        assertThat(MessageParts.of(text, READ_WHOLE)).hasSizeLessThanOrEqualTo(MessageParts.MAX_PARTS)
                .allMatch(part -> part.length() <= READ_WHOLE);
    }
}
