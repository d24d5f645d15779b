package io.combot.adapter.out.knowledge;

import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * One open knowledge index. Keyword search is BM25 over a passage's title, heading and text; vector search is the
 * HNSW graph of the passages' embeddings; hybrid fuses the two rankings by reciprocal rank. Every passage found
 * carries its cosine to the query, read from the index, whichever method found it. Thread-safe.
 */
final class LuceneKnowledgeIndex implements KnowledgeIndex {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final KnowledgeIndexSummary summary;
    private final EmbedTextsPort embedder;
    private final KnowledgeSettings settings;
    private final Analyzer analyzer = IndexFields.analyzer();

    LuceneKnowledgeIndex(Directory directory, DirectoryReader reader, KnowledgeIndexSummary summary,
                         EmbedTextsPort embedder, KnowledgeSettings settings) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(IndexFields.similarity());
        this.summary = summary;
        this.embedder = embedder;
        this.settings = settings;
    }

    @Override
    public List<ScoredPassage> search(KnowledgeQuery query) {
        if (reader.numDocs() == 0) {
            return List.of();
        }
        float[] question = embedder.embed(List.of(query.text())).get(0);
        int depth = Math.max(query.limit(), settings.candidates());
        try {
            Map<Integer, Double> scores = switch (query.method()) {
                case KEYWORD -> scores(keyword(query.text(), query.limit()));
                case VECTOR -> scores(vector(question, query.limit()));
                case HYBRID -> fuse(keyword(query.text(), depth), vector(question, depth));
            };
            List<ScoredPassage> found = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (Map.Entry<Integer, Double> hit : scores.entrySet()) {
                if (found.size() == query.limit()) {
                    break;
                }
                found.add(new ScoredPassage(IndexFields.passage(stored.document(hit.getKey())), hit.getValue(),
                        cosine(question, hit.getKey())));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the knowledge index", e);
        }
    }

    private ScoreDoc[] keyword(String text, int depth) throws IOException {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(IndexFields.CONTENTS, text);
        return query == null ? new ScoreDoc[0] : searcher.search(query, depth).scoreDocs;
    }

    private ScoreDoc[] vector(float[] question, int depth) throws IOException {
        return searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, question, depth), depth).scoreDocs;
    }

    private static Map<Integer, Double> scores(ScoreDoc[] ranked) {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (ScoreDoc hit : ranked) {
            scores.put(hit.doc, (double) hit.score);
        }
        return scores;
    }

    /** Reciprocal rank fusion: robust to the two methods' scores being on unrelated scales. */
    private Map<Integer, Double> fuse(ScoreDoc[] keyword, ScoreDoc[] vector) {
        Map<Integer, Double> fused = new LinkedHashMap<>();
        for (ScoreDoc[] ranking : List.of(keyword, vector)) {
            for (int rank = 0; rank < ranking.length; rank++) {
                fused.merge(ranking[rank].doc, 1.0 / (settings.fusionK() + rank + 1), Double::sum);
            }
        }
        Map<Integer, Double> sorted = new LinkedHashMap<>();
        fused.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private double cosine(float[] question, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return 0;
        }
        float[] passage = values.vectorValue();
        double sum = 0;
        for (int i = 0; i < question.length; i++) {
            sum += question[i] * passage[i];
        }
        return Math.max(-1, Math.min(1, sum));
    }

    @Override
    public KnowledgeIndexSummary summary() {
        return summary;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the knowledge index", e);
        }
    }
}
