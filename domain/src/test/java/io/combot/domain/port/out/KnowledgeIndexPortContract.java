package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.Passage;
import io.combot.domain.model.RetrievalMethod;
import io.combot.domain.model.ScoredPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every knowledge index does, from a folder of Markdown and plain-text documents; each adapter and the in-memory
 * double extend this once. Embeddings come from {@link HashingEmbedder}, counted, so that reuse can be seen.
 */
public abstract class KnowledgeIndexPortContract {
    /** One adapter behind both ports, as the service holds it. */
    public record Indexes(BuildKnowledgeIndexPort builder, OpenKnowledgeIndexPort opener) {
    }

    protected abstract Indexes indexes(EmbedTextsPort embedder);

    @TempDir
    Path dir;
    private Path documents;
    private Path index;
    private final CountingEmbedder embedder = new CountingEmbedder();
    private Indexes indexes;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void writeDocuments() throws IOException {
        documents = dir.resolve("knowledge");
        index = dir.resolve("model/knowledge");
        write("returns.md", """
                ---
                url: https://example.com/returns
                ---
                # Returns and refunds

                You may return any item within 30 days of delivery for a full refund.

                ## Damaged items

                If a parcel arrives damaged, photograph the box and write to support within 48 hours.
                """);
        write("shipping/international.txt", """
                Parcels to Canada and Mexico take five to eight working days.

                Customs duties are paid by the recipient on arrival.
                """);
        write("deep/a/b/warranty.md", "Every kettle carries a two year warranty against manufacturing faults.\n");
        indexes = indexes(embedder);
    }

    @ParameterizedTest
    @EnumSource(RetrievalMethod.class)
    void eachMethodFindsThePassageThatAnswersWithItsDocumentSectionAndPlace(RetrievalMethod method) {
        build();
        try (KnowledgeIndex opened = open()) {
            Passage refund = top(opened, "how many days do I have to return an item for a refund", method);
            assertThat(refund.source()).isEqualTo("returns.md");
            assertThat(refund.title()).isEqualTo("Returns and refunds");
            assertThat(refund.section()).isEqualTo("Returns and refunds");
            assertThat(refund.url()).isEqualTo("https://example.com/returns");
            assertThat(refund.text()).contains("within 30 days");

            Passage damaged = top(opened, "my parcel arrived damaged, what do I photograph", method);
            assertThat(damaged.source()).isEqualTo("returns.md");
            assertThat(damaged.section()).isEqualTo("Damaged items");
            assertThat(damaged.position()).isGreaterThan(refund.position());

            Passage customs = top(opened, "who pays customs duties on arrival", method);
            assertThat(customs.source()).isEqualTo("shipping/international.txt");
            assertThat(customs.title()).isEqualTo("international");
            assertThat(customs.section()).isEmpty();
            assertThat(customs.url()).isNull();

            Passage kettle = top(opened, "kettle warranty manufacturing faults", method);
            assertThat(kettle.source()).isEqualTo("deep/a/b/warranty.md");
            assertThat(kettle.title()).isEqualTo("warranty");
        }
    }

    @ParameterizedTest
    @EnumSource(RetrievalMethod.class)
    void resultsAreBestFirstEachPassageOnceWithinTheLimit(RetrievalMethod method) {
        build();
        try (KnowledgeIndex opened = open()) {
            List<ScoredPassage> found = opened.search(new KnowledgeQuery(
                    "parcel refund damaged customs kettle days", 2, method));
            assertThat(found).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            assertThat(found.get(0).score()).isGreaterThanOrEqualTo(found.get(found.size() - 1).score());
            List<ScoredPassage> all = opened.search(new KnowledgeQuery("parcel refund damaged customs kettle days",
                    KnowledgeQuery.MAX_LIMIT, method));
            assertThat(all.stream().map(hit -> hit.passage().source() + "#" + hit.passage().position()))
                    .doesNotHaveDuplicates();
            assertThat(all).hasSizeLessThanOrEqualTo(opened.summary().passages());
        }
    }

    @Test
    void aCoveredQuestionIsCloserToItsBestPassageThanAnOffTopicOne() {
        build();
        try (KnowledgeIndex opened = open()) {
            double covered = best(opened.search(KnowledgeQuery.hybrid("who pays customs duties on arrival", 3)));
            double offTopic = best(opened.search(KnowledgeQuery.hybrid("volcanic eruptions near Reykjavik", 3)));
            assertThat(offTopic).isLessThan(covered);
        }
    }

    @Test
    void theSummaryCountsDocumentsAndPassagesAndProgressIsTold() {
        KnowledgeIndexSummary summary = build();
        assertThat(summary.documents()).isEqualTo(3);
        assertThat(summary.passages()).isGreaterThanOrEqualTo(4);
        assertThat(summary.embedded()).isEqualTo(summary.passages());
        assertThat(embedder.texts()).isEqualTo(summary.passages());
        assertThat(progress).isNotEmpty();
        try (KnowledgeIndex opened = open()) {
            assertThat(opened.summary()).isEqualTo(summary);
        }
    }

    @Test
    void aRebuildReusesTheEmbeddingsOfUnchangedPassagesAndServesTheNewText() throws IOException {
        KnowledgeIndexSummary first = build();
        embedder.reset();
        KnowledgeIndexSummary same = build();
        assertThat(same.embedded()).isZero();
        assertThat(same.reused()).isEqualTo(first.passages());
        assertThat(embedder.texts()).isZero();
        assertThat(same.version()).isEqualTo(first.version());

        write("deep/a/b/warranty.md", "Every toaster carries a five year warranty against rust.\n");
        KnowledgeIndexSummary changed = build();
        assertThat(changed.embedded()).isPositive().isLessThan(changed.passages());
        assertThat(embedder.texts()).isEqualTo(changed.embedded());
        assertThat(changed.version()).isNotEqualTo(first.version());
        try (KnowledgeIndex opened = open()) {
            Passage warranty = top(opened, "toaster warranty rust", RetrievalMethod.KEYWORD);
            assertThat(warranty.text()).contains("toaster");
            assertThat(opened.search(new KnowledgeQuery("kettle", 5, RetrievalMethod.KEYWORD))).isEmpty();
        }
    }

    @Test
    void anEmptyFolderBuildsAnIndexThatFindsNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        KnowledgeIndexSummary summary = indexes.builder().build(empty, index, progress::add);
        assertThat(summary.passages()).isZero();
        try (KnowledgeIndex opened = open()) {
            assertThat(opened.search(KnowledgeQuery.hybrid("anything at all", 5))).isEmpty();
        }
    }

    @Test
    void aFileOfAnUnknownTypeIsRefusedByName() throws IOException {
        write("forms/claim.docx", "not a format the index reads");
        assertThatThrownBy(this::build).isInstanceOf(InvalidBotException.class).hasMessageContaining("forms/claim.docx");
    }

    @Test
    void aTextFileThatIsNotUtf8IsRefusedByName() throws IOException {
        Files.write(documents.resolve("latin1.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(this::build).isInstanceOf(InvalidBotException.class).hasMessageContaining("latin1.md");
    }

    @Test
    void aBuildHasWorkWithDocumentsOrAnIndexToReplace() {
        Path none = dir.resolve("no-documents");
        assertThat(indexes.builder().hasWork(none, dir.resolve("no-index"))).isFalse();
        assertThat(indexes.builder().hasWork(documents, index)).isTrue();
        build();
        assertThat(indexes.builder().hasWork(none, index)).as("documents removed since").isTrue();
    }

    @Test
    void aFolderWithoutAnIndexIsRefused() {
        assertThatThrownBy(() -> indexes.opener().open(dir.resolve("nothing-here")))
                .isInstanceOf(InvalidBotException.class);
    }

    private static double best(List<ScoredPassage> found) {
        return found.stream().mapToDouble(ScoredPassage::similarity).max().orElse(-1);
    }

    private KnowledgeIndexSummary build() {
        return indexes.builder().build(documents, index, progress::add);
    }

    private KnowledgeIndex open() {
        return indexes.opener().open(index);
    }

    private static Passage top(KnowledgeIndex opened, String question, RetrievalMethod method) {
        List<ScoredPassage> found = opened.search(new KnowledgeQuery(question, 3, method));
        assertThat(found).as("passages found for '%s' by %s", question, method).isNotEmpty();
        return found.get(0).passage();
    }

    private void write(String path, String text) throws IOException {
        Path file = documents.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
