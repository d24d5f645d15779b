package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeModelTest {
    private static final Passage PASSAGE = new Passage("faq/returns.md", 0, "Returns", "", null, "Within 30 days.");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/etc/passwd", "../secret.md", "faq/../../x.md", "faq\\returns.md"})
    void aPassageSourceIsARelativePathInsideTheFolder(String source) {
        assertThatThrownBy(() -> new Passage(source, 0, "T", "", null, "text"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPassageHasATitleTextAPlaceAndNoBlankUrl() {
        assertThatThrownBy(() -> new Passage("a.md", -1, "T", "", null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Passage("a.md", 0, " ", "", null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Passage("a.md", 0, "T", null, null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Passage("a.md", 0, "T", "", " ", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Passage("a.md", 0, "T", "", null, "")).isInstanceOf(InvalidInputException.class);
        assertThat(new Passage("a/b.md", 3, "T", "S", "https://x.test/b", "x").position()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, KnowledgeQuery.MAX_LIMIT + 1})
    void aQueryLimitIsBounded(int limit) {
        assertThatThrownBy(() -> KnowledgeQuery.hybrid("refunds", limit))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
    }

    @Test
    void aQueryHasWordsWithinItsLength() {
        assertThatThrownBy(() -> KnowledgeQuery.hybrid("  ", 5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KnowledgeQuery.hybrid("x".repeat(KnowledgeQuery.MAX_LENGTH + 1), 5))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aScoredPassageHasAFiniteScoreAndACosine() {
        assertThatThrownBy(() -> new ScoredPassage(PASSAGE, Double.NaN, 0.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScoredPassage(PASSAGE, 1, 1.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everyPassageOfASummaryIsEmbeddedOrReused() {
        assertThatThrownBy(() -> new KnowledgeIndexSummary(1, 3, 1, 1, "v"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new KnowledgeIndexSummary(1, 3, 1, 2, "v").reused()).isEqualTo(2);
    }

    @Test
    void groundingNeedsOnePassageCloseEnough() {
        GroundingPolicy policy = new GroundingPolicy(0.4);
        assertThat(policy.grounded(List.of(new ScoredPassage(PASSAGE, 9, 0.3), new ScoredPassage(PASSAGE, 1, 0.41))))
                .isTrue();
        assertThat(policy.grounded(List.of(new ScoredPassage(PASSAGE, 9, 0.39)))).isFalse();
        assertThat(policy.grounded(List.of())).isFalse();
        assertThatThrownBy(() -> new GroundingPolicy(1.5)).isInstanceOf(InvalidInputException.class);
    }
}
