package io.combot.adapter.out.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.port.out.CountingEmbedder;
import io.combot.domain.port.out.KnowledgeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the Lucene adapter builds, beyond the port's contract: passages go into the writer a chunk at a time (so a
 * build's heap is bounded by the chunk, not the corpus), a failed build leaves the old index and nothing else, and an
 * index written before the embedded text's hash was a term still lends its embeddings.
 */
class LuceneKnowledgeBuildTest {
    private static final int CHUNK = 4;
    private static final int DOCUMENTS = 40;

    @TempDir
    Path dir;
    private Path documents;
    private Path index;
    /** What the encoder was asked and what the build told, in the order it happened. */
    private final List<String> events = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final CountingEmbedder embedder = new CountingEmbedder(size -> {
        batchSizes.add(size);
        events.add("embed " + size);
    });
    private final LuceneKnowledgeAdapter adapter = new LuceneKnowledgeAdapter(() -> embedder,
            new KnowledgeSettings(200, 50, 0.5), CHUNK);

    @BeforeEach
    void writeDocuments() throws IOException {
        documents = dir.resolve("knowledge");
        index = dir.resolve("model/knowledge");
        for (int i = 0; i < DOCUMENTS; i++) {
            write("doc%02d.txt".formatted(i), "Passage number " + i + " tells of item " + i + " and its price.\n");
        }
    }

    @Test
    void passagesAreWrittenAChunkAtATimeNotAfterTheWholeCorpusIsEmbedded() {
        KnowledgeIndexSummary summary = build();

        assertThat(summary.passages()).isEqualTo(DOCUMENTS);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CHUNK));
        int firstWrite = indexOfFirst("knowledge: ", " passages written");
        assertThat(firstWrite).as("a chunk is written while the build goes on: %s", events).isPositive();
        long embeddedBeforeFirstWrite = events.subList(0, firstWrite).stream().filter(e -> e.startsWith("embed "))
                .mapToInt(e -> Integer.parseInt(e.substring("embed ".length()))).sum();
        assertThat(embeddedBeforeFirstWrite).as("texts embedded before the first chunk was written")
                .isLessThanOrEqualTo(CHUNK);
        assertThat(events.subList(firstWrite, events.size())).as("embedding goes on after the first write")
                .anyMatch(e -> e.startsWith("embed "));
        assertThat(embedder.texts()).isEqualTo(DOCUMENTS);
    }

    @Test
    void aDocumentThatCannotBeReadAfterSomeChunksLeavesTheOldIndexAndNoHalfBuiltOne() throws IOException {
        KnowledgeIndexSummary before = build();
        write("zz-last/claim.docx", "PK not a document");

        assertThatThrownBy(this::build).isInstanceOf(InvalidBotException.class).hasMessageContaining("claim.docx");
        assertThat(embedder.texts()).as("chunks before the bad file were embedded and written").isPositive();
        assertThat(index.resolveSibling("knowledge.building")).doesNotExist();
        try (KnowledgeIndex opened = adapter.open(index)) {
            assertThat(opened.summary()).isEqualTo(before);
        }
    }

    @Test
    void aRebuildReusesEveryEmbeddingAcrossChunksAndKeepsTheVersion() {
        KnowledgeIndexSummary first = build();
        embedder.reset();

        KnowledgeIndexSummary again = build();

        assertThat(again.reused()).isEqualTo(DOCUMENTS);
        assertThat(again.embedded()).isZero();
        assertThat(embedder.texts()).isZero();
        assertThat(again.version()).isEqualTo(first.version());
    }

    @Test
    void anIndexWrittenBeforeTheHashWasATermStillLendsItsEmbeddings() throws IOException {
        KnowledgeIndexSummary first = build();
        rewriteWithTheHashStoredOnly();
        embedder.reset();

        KnowledgeIndexSummary again = build();

        assertThat(again.reused()).isEqualTo(DOCUMENTS);
        assertThat(embedder.texts()).isZero();
        assertThat(again.version()).isEqualTo(first.version());
    }

    private KnowledgeIndexSummary build() {
        return adapter.build(documents, index, events::add);
    }

    private int indexOfFirst(String prefix, String contained) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix) && events.get(i).contains(contained)) {
                return i;
            }
        }
        return -1;
    }

    /** The index as the earlier adapter wrote it: the hash a stored field only, no term to look it up by. */
    private void rewriteWithTheHashStoredOnly() throws IOException {
        Path legacy = dir.resolve("legacy");
        try (Directory from = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(from);
             Directory to = FSDirectory.open(legacy);
             IndexWriter writer = new IndexWriter(to, new IndexWriterConfig(IndexFields.analyzer()))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
                    Document document = new Document();
                    document.add(new StoredField(IndexFields.EMBEDDED_TEXT_HASH,
                            stored.document(doc).get(IndexFields.EMBEDDED_TEXT_HASH)));
                    document.add(new KnnFloatVectorField(IndexFields.VECTOR, vectors.vectorValue().clone(),
                            VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(document);
                }
            }
            writer.setLiveCommitData(Map.of(LuceneKnowledgeAdapter.ENCODER, embedder.encoderVersion()).entrySet());
            writer.commit();
        }
        try (Directory check = FSDirectory.open(legacy); DirectoryReader reader = DirectoryReader.open(check)) {
            assertThat(reader.leaves()).allSatisfy(leaf -> assertThat(leaf.reader()
                    .terms(IndexFields.EMBEDDED_TEXT_HASH)).isNull());
        }
        for (Path file : Files.list(index).toList()) {
            Files.delete(file);
        }
        Files.delete(index);
        Files.move(legacy, index);
    }

    private void write(String path, String text) throws IOException {
        Path file = documents.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

}
