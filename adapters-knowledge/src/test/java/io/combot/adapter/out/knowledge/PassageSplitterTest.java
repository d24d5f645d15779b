package io.combot.adapter.out.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
    private final PassageSplitter splitter = new PassageSplitter(20);

    @Test
    void shortBlocksOfOneSectionJoinButNeverAcrossSections() {
        List<Passage> passages = splitter.split(new ParsedDocument("faq.md", "FAQ", "https://x.test/faq", List.of(
                new DocumentBlock("Returns", "Thirty days."), new DocumentBlock("Returns", "Keep the receipt."),
                new DocumentBlock("Shipping", "Two days."))));
        assertThat(passages).extracting(Passage::text).containsExactly("Thirty days.\n\nKeep the receipt.",
                "Two days.");
        assertThat(passages).extracting(Passage::position).containsExactly(0, 1);
        assertThat(passages).extracting(Passage::section).containsExactly("Returns", "Shipping");
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.title()).isEqualTo("FAQ");
            assertThat(p.url()).isEqualTo("https://x.test/faq");
        });
    }

    @Test
    void aLongBlockIsCutBetweenSentencesAndAHugeSentenceByWords() {
        String sentence = "One two three four five six seven eight nine ten.";
        String huge = "word ".repeat(45).strip();
        List<Passage> passages = splitter.split(new ParsedDocument("a.txt", "a", null, List.of(
                new DocumentBlock("", sentence + " " + sentence + " " + sentence + " " + huge))));
        assertThat(passages).allSatisfy(p -> assertThat(PassageSplitter.words(p.text())).isLessThanOrEqualTo(20));
        assertThat(passages.get(0).text()).isEqualTo(sentence + " " + sentence);
        assertThat(String.join(" ", passages.stream().map(Passage::text).toList()).split("\\s+"))
                .hasSize(3 * 10 + 45);
    }

    @Test
    void aDocumentWithoutTextHasNoPassages() {
        assertThat(splitter.split(new ParsedDocument("e.md", "e", null, List.of()))).isEmpty();
    }
}
