package io.combot.adapter.out.knowledge;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.port.out.BuildKnowledgeIndexPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds and opens knowledge indexes: one Lucene index per bot, its passages' BM25 text and embeddings side by side.
 * A build writes a new index beside the old one and then takes its place, so a reader of the old one is never
 * disturbed; the old one's embeddings are reused for every passage whose embedded text is unchanged. Passages go
 * into the writer a chunk at a time ({@link IndexBuild}), so a build's heap does not grow with the corpus.
 */
final class LuceneKnowledgeAdapter implements BuildKnowledgeIndexPort, OpenKnowledgeIndexPort {
    static final String ENCODER = "encoder";
    private static final String VERSION = "version";
    private static final String DOCUMENTS = "documents";
    private static final String EMBEDDED = "embedded";
    private static final String REUSED = "reused";
    /** Passages read, embedded and written before the next are read: about 1.5 MB of texts and vectors. */
    static final int CHUNK = 512;
    /** The writer's buffer before it flushes a segment (the vectors it buffers count). */
    private static final double RAM_BUFFER_MB = 48;

    private final Supplier<EmbedTextsPort> embedder;
    private final KnowledgeSettings settings;
    private final int chunk;
    private final DocumentReader reader = new DocumentReader();

    LuceneKnowledgeAdapter(Supplier<EmbedTextsPort> embedder, KnowledgeSettings settings) {
        this(embedder, settings, CHUNK);
    }

    /** {@code chunk}: passages per chunk; tests take a small one to see chunks without a large corpus. */
    LuceneKnowledgeAdapter(Supplier<EmbedTextsPort> embedder, KnowledgeSettings settings, int chunk) {
        this.embedder = embedder;
        this.settings = settings;
        this.chunk = chunk;
    }

    /**
     * Reads, embeds and writes the documents a chunk of passages at a time into {@code index.building}, which then
     * takes the place of {@code index}. A document that cannot be read stops the build and leaves nothing behind:
     * the half-written index is deleted and the old one is still in place.
     */
    @Override
    public KnowledgeIndexSummary build(Path documents, Path index, Consumer<String> progress) {
        List<Path> files = documentFiles(documents);
        progress.accept("knowledge: " + files.size() + " documents");
        EmbedTextsPort encoder = embedder.get();
        PassageSplitter splitter = new PassageSplitter(settings.passageWords());
        Path building = index.resolveSibling(index.getFileName() + ".building");
        Path replaced = index.resolveSibling(index.getFileName() + ".replaced");
        try {
            deleteTree(building);
            deleteTree(replaced);
            Files.createDirectories(building);
            KnowledgeIndexSummary summary;
            // No commit on close: a build that fails leaves an empty folder, deleted below, not half an index.
            IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                    .setSimilarity(IndexFields.similarity()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB).setCommitOnClose(false);
            try (PreviousEmbeddings previous = PreviousEmbeddings.open(index, encoder.encoderVersion(), ENCODER);
                 Directory directory = FSDirectory.open(building);
                 IndexWriter writer = new IndexWriter(directory, config)) {
                IndexBuild build = new IndexBuild(encoder, previous, writer, progress, chunk, files.size());
                for (Path file : files) {
                    build.add(splitter.split(reader.read(documents.relativize(file).toString().replace('\\', '/'),
                            file)));
                }
                IndexBuild.Counts counts = build.finish();
                summary = new KnowledgeIndexSummary(counts.documents(), counts.passages(), counts.embedded(),
                        counts.reused(), counts.version());
                writer.setLiveCommitData(Map.of(ENCODER, encoder.encoderVersion(), VERSION, summary.version(),
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
            progress.accept("knowledge: indexed " + summary.passages() + " passages (" + summary.embedded()
                    + " embedded, " + summary.reused() + " reused), version " + summary.version());
            return summary;
        } catch (IOException e) {
            deleteQuietly(building);
            throw new UncheckedIOException("Cannot write the knowledge index in " + index, e);
        } catch (RuntimeException e) {
            deleteQuietly(building);
            throw e;
        }
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

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException ignored) {
            // The next build deletes it first.
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
