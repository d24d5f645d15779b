package io.combot.adapter.out.knowledge;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
 * HNSW graph of the passages' embeddings; hybrid combines the two methods' normalised scores. Every passage found
 * carries its cosine to the query, read from the index, whichever method found it. Thread-safe.
 */
final class LuceneKnowledgeIndex implements KnowledgeIndex {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final KnowledgeIndexSummary summary;
    private final String encoder;
    private final Supplier<EmbedTextsPort> embedder;
    private final KnowledgeSettings settings;
    private final Analyzer analyzer = IndexFields.analyzer();

    /** {@code encoder}: the version of the encoder that embedded the passages, as the index records it. */
    LuceneKnowledgeIndex(Directory directory, DirectoryReader reader, KnowledgeIndexSummary summary, String encoder,
                         Supplier<EmbedTextsPort> embedder, KnowledgeSettings settings) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(IndexFields.similarity());
        this.summary = summary;
        this.encoder = encoder;
        this.embedder = embedder;
        this.settings = settings;
    }

    @Override
    public List<ScoredPassage> search(KnowledgeQuery query) {
        if (reader.numDocs() == 0) {
            return List.of();
        }
        EmbedTextsPort questions = embedder.get();
        if (!questions.encoderVersion().equals(encoder)) {
            throw new InvalidBotException("The knowledge index was built with another encoder (" + encoder
                    + "): run train");
        }
        float[] question = questions.embed(List.of(query.text())).get(0);
        int depth = Math.max(query.limit(), settings.candidates());
        try {
            Map<Integer, Double> scores = switch (query.method()) {
                case KEYWORD -> scores(keyword(query.text(), query.limit()));
                case VECTOR -> scores(vector(question, query.limit()));
                case HYBRID -> fuse(keyword(query.text(), depth), vector(question, depth), question);
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

    /**
     * A convex combination of the two methods' normalised scores: BM25 over the best BM25 of the candidates (its
     * least is 0), the cosine min-max scaled over all candidates, each candidate's cosine read from the index so that
     * none is missing. A candidate only keyword search found has its cosine; one only vector search found scores 0
     * for BM25, which is about what it would score below the keyword candidates.
     */
    private Map<Integer, Double> fuse(ScoreDoc[] keyword, ScoreDoc[] vector, float[] question) throws IOException {
        Map<Integer, Double> bm25 = new HashMap<>();
        double bestBm25 = 0;
        for (ScoreDoc hit : keyword) {
            bm25.put(hit.doc, (double) hit.score);
            bestBm25 = Math.max(bestBm25, hit.score);
        }
        Map<Integer, Double> cosines = new LinkedHashMap<>();
        for (ScoreDoc[] ranking : List.of(keyword, vector)) {
            for (ScoreDoc hit : ranking) {
                if (!cosines.containsKey(hit.doc)) {
                    cosines.put(hit.doc, cosine(question, hit.doc));
                }
            }
        }
        double least = cosines.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double most = cosines.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double weight = settings.keywordWeight();
        Map<Integer, Double> fused = new HashMap<>();
        for (Map.Entry<Integer, Double> candidate : cosines.entrySet()) {
            double lexical = bestBm25 > 0 ? bm25.getOrDefault(candidate.getKey(), 0.0) / bestBm25 : 0;
            double semantic = most > least ? (candidate.getValue() - least) / (most - least) : 1;
            fused.put(candidate.getKey(), weight * lexical + (1 - weight) * semantic);
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
