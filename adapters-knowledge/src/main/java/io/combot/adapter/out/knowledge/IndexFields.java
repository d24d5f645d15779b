package io.combot.adapter.out.knowledge;

import io.combot.domain.model.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** The index's one document shape: a passage's stored fields, its BM25 text and its embedding. */
final class IndexFields {
    static final String CONTENTS = "contents";
    static final String VECTOR = "vector";
    static final String EMBEDDED_TEXT_HASH = "embeddedTextHash";
    private static final String SOURCE = "source";
    private static final String POSITION = "position";
    private static final String TITLE = "title";
    private static final String SECTION = "section";
    private static final String URL = "url";
    private static final String TEXT = "text";

    private IndexFields() {
    }

    /** BM25 with k1 0.9 and b 0.4, Anserini's settings, over English stems without stop words. */
    static Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** What the encoder sees of a passage: its title and heading give a short passage its context. */
    static String embeddedText(Passage passage) {
        return heading(passage) + "\n" + passage.text();
    }

    static Document document(Passage passage, float[] vector, String embeddedTextHash) {
        Document document = new Document();
        document.add(new StoredField(SOURCE, passage.source()));
        document.add(new StoredField(POSITION, passage.position()));
        document.add(new StoredField(TITLE, passage.title()));
        document.add(new StoredField(SECTION, passage.section()));
        if (passage.url() != null) {
            document.add(new StoredField(URL, passage.url()));
        }
        document.add(new StoredField(TEXT, passage.text()));
        // Indexed as a term, so that the next build finds this embedding by its hash without reading the rest.
        document.add(new StringField(EMBEDDED_TEXT_HASH, embeddedTextHash, Field.Store.YES));
        document.add(new TextField(CONTENTS, heading(passage) + "\n" + passage.text(), Field.Store.NO));
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return document;
    }

    static Passage passage(Document stored) {
        return new Passage(stored.get(SOURCE), stored.getField(POSITION).numericValue().intValue(), stored.get(TITLE),
                stored.get(SECTION), stored.get(URL), stored.get(TEXT));
    }

    private static String heading(Passage passage) {
        return passage.section().isEmpty() || passage.section().equals(passage.title()) ? passage.title()
                : passage.title() + "\n" + passage.section();
    }
}
