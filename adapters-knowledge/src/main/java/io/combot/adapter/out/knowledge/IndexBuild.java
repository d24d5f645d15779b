package io.combot.adapter.out.knowledge;

import io.combot.domain.model.Passage;
import io.combot.domain.port.out.EmbedTextsPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;

/**
 * One build's passages on their way into the writer, a chunk at a time: a chunk's passages are looked up in the index
 * being replaced, the rest embedded, and all of them added to the writer before the next chunk is read. So a build
 * holds one chunk (and one document's passages) on the heap, whatever the size of the corpus.
 */
final class IndexBuild {
    /** Texts per call to the encoder. */
    private static final int EMBED_BATCH = 64;

    private final EmbedTextsPort encoder;
    private final PreviousEmbeddings previous;
    private final IndexWriter writer;
    private final Consumer<String> progress;
    private final int chunkSize;
    private final int documentsToRead;
    private final List<Passage> chunk = new ArrayList<>();
    private final MessageDigest version = sha256();
    private int documents;
    private int passages;
    private int reused;
    private int told;

    IndexBuild(EmbedTextsPort encoder, PreviousEmbeddings previous, IndexWriter writer, Consumer<String> progress,
               int chunkSize, int documentsToRead) {
        this.encoder = encoder;
        this.previous = previous;
        this.writer = writer;
        this.progress = progress;
        this.chunkSize = chunkSize;
        this.documentsToRead = documentsToRead;
        version.update(encoder.encoderVersion().getBytes(StandardCharsets.UTF_8));
    }

    /** One document's passages, in order; a full chunk goes into the writer. */
    void add(List<Passage> document) throws IOException {
        for (Passage passage : document) {
            hashInto(version, passage);
            chunk.add(passage);
        }
        documents++;
        if (chunk.size() >= chunkSize) {
            write();
        }
    }

    /** Writes what is left; the counts and the version of everything added. */
    Counts finish() throws IOException {
        write();
        return new Counts(documents, passages, passages - reused, reused,
                HexFormat.of().formatHex(version.digest()).substring(0, 16));
    }

    record Counts(int documents, int passages, int embedded, int reused, String version) {
    }

    private void write() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        List<String> texts = chunk.stream().map(IndexFields::embeddedText).toList();
        List<String> hashes = texts.stream().map(IndexBuild::sha256).toList();
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            String hash = hashes.get(i);
            if (missing.containsKey(hash)) {
                continue;
            }
            if (!vectors.containsKey(hash)) {
                float[] found = previous.find(hash);
                if (found == null) {
                    missing.put(hash, texts.get(i));
                    continue;
                }
                vectors.put(hash, found);
            }
            reused++;
        }
        List<String> keys = new ArrayList<>(missing.keySet());
        for (int from = 0; from < keys.size(); from += EMBED_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + EMBED_BATCH));
            List<float[]> embedded = encoder.embed(batch.stream().map(missing::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), embedded.get(i));
            }
        }
        for (int i = 0; i < chunk.size(); i++) {
            writer.addDocument(IndexFields.document(chunk.get(i), vectors.get(hashes.get(i)), hashes.get(i)));
        }
        passages += chunk.size();
        chunk.clear();
        if (documents * 10 / documentsToRead > told || documents == documentsToRead) {
            told = documents * 10 / documentsToRead;
            progress.accept("knowledge: " + documents + "/" + documentsToRead + " documents read, " + passages
                    + " passages written (" + (passages - reused) + " embedded, " + reused + " reused)");
        }
    }

    /**
     * Each field of a passage after a NUL, fed to the index's version digest field by field: the whole corpus in one
     * string would take several times its size on the heap at once.
     */
    private static void hashInto(MessageDigest digest, Passage p) {
        for (String field : List.of(p.source(), Integer.toString(p.position()), p.title(), p.section(),
                String.valueOf(p.url()), p.text())) {
            digest.update((byte) 0);
            digest.update(field.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
