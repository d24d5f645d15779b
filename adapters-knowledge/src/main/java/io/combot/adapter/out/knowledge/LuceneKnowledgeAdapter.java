package io.combot.adapter.out.knowledge;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.Passage;
import io.combot.domain.port.out.BuildKnowledgeIndexPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds and opens knowledge indexes: one Lucene index per bot, its passages' BM25 text and embeddings side by side.
 * A build writes a new index beside the old one and then takes its place, so a reader of the old one is never
 * disturbed; the old one's embeddings are reused for every passage whose embedded text is unchanged.
 */
final class LuceneKnowledgeAdapter implements BuildKnowledgeIndexPort, OpenKnowledgeIndexPort {
    private static final String ENCODER = "encoder";
    private static final String VERSION = "version";
    private static final String DOCUMENTS = "documents";
    private static final String EMBEDDED = "embedded";
    private static final String REUSED = "reused";
    private static final int EMBED_BATCH = 64;
    /**
     * The writer's buffer before it flushes a segment (the vectors it buffers count): the build already holds every
     * passage and new embedding on the heap, and must fit in the service's heap beside them.
     */
    private static final double RAM_BUFFER_MB = 48;

    private final Supplier<EmbedTextsPort> embedder;
    private final KnowledgeSettings settings;
    private final DocumentReader reader = new DocumentReader();

    LuceneKnowledgeAdapter(Supplier<EmbedTextsPort> embedder, KnowledgeSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    @Override
    public KnowledgeIndexSummary build(Path documents, Path index, Consumer<String> progress) {
        List<Path> files = documentFiles(documents);
        PassageSplitter splitter = new PassageSplitter(settings.passageWords());
        List<Passage> passages = new ArrayList<>();
        for (Path file : files) {
            passages.addAll(splitter.split(reader.read(documents.relativize(file).toString().replace('\\', '/'),
                    file)));
        }
        progress.accept("knowledge: " + files.size() + " documents in " + passages.size() + " passages");
        Map<String, float[]> previous = previousEmbeddings(index);
        List<String> hashes = passages.stream().map(p -> sha256(IndexFields.embeddedText(p))).toList();
        Map<String, float[]> vectors = embedMissing(passages, hashes, previous, progress);
        int reused = (int) hashes.stream().filter(previous::containsKey).count();
        KnowledgeIndexSummary summary = new KnowledgeIndexSummary(files.size(), passages.size(),
                passages.size() - reused, reused, version(passages));
        write(index, passages, hashes, vectors, summary);
        progress.accept("knowledge: indexed " + passages.size() + " passages (" + summary.embedded() + " embedded, "
                + reused + " reused), version " + summary.version());
        return summary;
    }

    @Override
    public boolean hasWork(Path documents, Path index) {
        return Files.isDirectory(documents) || Files.isDirectory(index);
    }

    @Override
    public KnowledgeIndex open(Path index) {
        if (!Files.isDirectory(index)) {
            throw new InvalidBotException("No knowledge index in " + index + ": run train");
        }
        try {
            Directory directory = FSDirectory.open(index);
            DirectoryReader opened;
            try {
                opened = DirectoryReader.open(directory);
            } catch (IOException e) {
                directory.close();
                throw new InvalidBotException("No readable knowledge index in " + index + ": run train", e);
            }
            Map<String, String> data = opened.getIndexCommit().getUserData();
            KnowledgeIndexSummary summary = new KnowledgeIndexSummary(Integer.parseInt(data.get(DOCUMENTS)),
                    opened.numDocs(), Integer.parseInt(data.get(EMBEDDED)), Integer.parseInt(data.get(REUSED)),
                    data.get(VERSION));
            return new LuceneKnowledgeIndex(directory, opened, summary, data.get(ENCODER), embedder, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index in " + index, e);
        }
    }

    private static List<Path> documentFiles(Path documents) {
        if (!Files.isDirectory(documents)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(documents)) {
            return walk.filter(Files::isRegularFile).filter(DocumentReader::isDocument)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new InvalidBotException("Cannot list the documents in " + documents + ": " + e.getMessage(), e);
        }
    }

    /** The embeddings of the index being replaced, by the hash of their text, when the same encoder made them. */
    private Map<String, float[]> previousEmbeddings(Path index) {
        Map<String, float[]> previous = new HashMap<>();
        if (!Files.isDirectory(index)) {
            return previous;
        }
        try (Directory directory = FSDirectory.open(index); DirectoryReader old = DirectoryReader.open(directory)) {
            if (!embedder.get().encoderVersion().equals(old.getIndexCommit().getUserData().get(ENCODER))) {
                return previous;
            }
            for (LeafReaderContext leaf : old.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                StoredFields stored = leaf.reader().storedFields();
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    previous.put(stored.document(doc).get(IndexFields.EMBEDDED_TEXT_HASH),
                            values.vectorValue().clone());
                }
            }
        } catch (IOException e) {
            // An unreadable old index only means every passage is embedded again.
            previous.clear();
        }
        return previous;
    }

    private Map<String, float[]> embedMissing(List<Passage> passages, List<String> hashes,
                                              Map<String, float[]> previous, Consumer<String> progress) {
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            if (previous.containsKey(hashes.get(i))) {
                vectors.put(hashes.get(i), previous.get(hashes.get(i)));
            } else {
                missing.putIfAbsent(hashes.get(i), IndexFields.embeddedText(passages.get(i)));
            }
        }
        List<String> keys = new ArrayList<>(missing.keySet());
        int told = 0;
        for (int from = 0; from < keys.size(); from += EMBED_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + EMBED_BATCH));
            List<float[]> embedded = embedder.get().embed(batch.stream().map(missing::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), embedded.get(i));
            }
            int done = from + batch.size();
            if (done * 10 / keys.size() > told || done == keys.size()) {
                told = done * 10 / keys.size();
                progress.accept("knowledge: embedded " + done + "/" + keys.size() + " passages");
            }
        }
        return vectors;
    }

    private void write(Path index, List<Passage> passages, List<String> hashes, Map<String, float[]> vectors,
                       KnowledgeIndexSummary summary) {
        Path building = index.resolveSibling(index.getFileName() + ".building");
        Path replaced = index.resolveSibling(index.getFileName() + ".replaced");
        try {
            deleteTree(building);
            deleteTree(replaced);
            Files.createDirectories(building);
            IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                    .setSimilarity(IndexFields.similarity()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            try (Directory directory = FSDirectory.open(building); IndexWriter writer = new IndexWriter(directory,
                    config)) {
                for (int i = 0; i < passages.size(); i++) {
                    writer.addDocument(IndexFields.document(passages.get(i), vectors.get(hashes.get(i)),
                            hashes.get(i)));
                }
                writer.setLiveCommitData(Map.of(ENCODER, embedder.get().encoderVersion(), VERSION, summary.version(),
                        DOCUMENTS, Integer.toString(summary.documents()), EMBEDDED,
                        Integer.toString(summary.embedded()), REUSED, Integer.toString(summary.reused())).entrySet());
                writer.forceMerge(1);
                writer.commit();
            }
            if (Files.exists(index)) {
                Files.move(index, replaced);
            }
            Files.move(building, index);
            deleteTree(replaced);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the knowledge index in " + index, e);
        }
    }

    /**
     * The hash of the encoder's version and every passage, each field after a NUL, fed to the digest field by field:
     * the whole corpus in one string would take several times its size on the heap at once.
     */
    private String version(List<Passage> passages) {
        MessageDigest digest = sha256();
        digest.update(embedder.get().encoderVersion().getBytes(StandardCharsets.UTF_8));
        for (Passage p : passages) {
            for (String field : List.of(p.source(), Integer.toString(p.position()), p.title(), p.section(),
                    String.valueOf(p.url()), p.text())) {
                digest.update((byte) 0);
                digest.update(field.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
