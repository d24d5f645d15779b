package io.combot.adapter.out.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embeddings of the index a build replaces, looked up one at a time by the hash of their embedded text, so that a
 * build holds none of them beyond the passages it is writing. Only an index made by the same encoder answers.
 */
final class PreviousEmbeddings implements Closeable {
    private static final PreviousEmbeddings NONE = new PreviousEmbeddings(null, null, Map.of());

    private final Directory directory;
    private final DirectoryReader reader;
    /**
     * Hash to document, for an index written before the hash was indexed as a term: read once, so that its
     * embeddings are still reused by the first build after the upgrade.
     */
    private final Map<String, Integer> unindexed;

    private PreviousEmbeddings(Directory directory, DirectoryReader reader, Map<String, Integer> unindexed) {
        this.directory = directory;
        this.reader = reader;
        this.unindexed = unindexed;
    }

    /** {@code encoderVersion}: the encoder of the build; an index made by another one reuses nothing. */
    static PreviousEmbeddings open(Path index, String encoderVersion, String encoderKey) {
        if (!Files.isDirectory(index)) {
            return NONE;
        }
        Directory directory = null;
        DirectoryReader reader = null;
        try {
            directory = FSDirectory.open(index);
            reader = DirectoryReader.open(directory);
            if (!encoderVersion.equals(reader.getIndexCommit().getUserData().get(encoderKey))) {
                reader.close();
                directory.close();
                return NONE;
            }
            return new PreviousEmbeddings(directory, reader, unindexedHashes(reader));
        } catch (IOException e) {
            // An unreadable old index only means every passage is embedded again.
            closeQuietly(reader);
            closeQuietly(directory);
            return NONE;
        }
    }

    /** The embedding stored for this hash of a passage's embedded text, or null. */
    float[] find(String hash) {
        if (reader == null) {
            return null;
        }
        try {
            Integer doc = unindexed.get(hash);
            if (doc != null) {
                List<LeafReaderContext> leaves = reader.leaves();
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                return vector(leaf, doc - leaf.docBase);
            }
            BytesRef term = new BytesRef(hash);
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(IndexFields.EMBEDDED_TEXT_HASH);
                if (terms == null) {
                    continue;
                }
                TermsEnum each = terms.iterator();
                if (each.seekExact(term)) {
                    PostingsEnum postings = each.postings(null, PostingsEnum.NONE);
                    int found = postings.nextDoc();
                    if (found != DocIdSetIterator.NO_MORE_DOCS) {
                        return vector(leaf, found);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static float[] vector(LeafReaderContext leaf, int doc) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null || values.advance(doc) != doc) {
            return null;
        }
        return values.vectorValue().clone();
    }

    private static Map<String, Integer> unindexedHashes(DirectoryReader reader) throws IOException {
        Map<String, Integer> hashes = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().terms(IndexFields.EMBEDDED_TEXT_HASH) != null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                String hash = stored.document(doc).get(IndexFields.EMBEDDED_TEXT_HASH);
                if (hash != null) {
                    hashes.put(hash, leaf.docBase + doc);
                }
            }
        }
        return hashes;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            directory.close();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // already failing: every passage is embedded again
            }
        }
    }
}
