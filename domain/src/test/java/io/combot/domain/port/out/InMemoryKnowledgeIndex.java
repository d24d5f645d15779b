package io.combot.domain.port.out;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.Passage;
import io.combot.domain.model.ScoredPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Knowledge indexes in memory, for Markdown and plain text only: a paragraph is a passage, keyword search counts the
 * query's words a passage holds, vector search ranks by cosine, hybrid fuses the two ranks. Embeddings are reused
 * by passage text. Not thread-safe while building.
 */
public final class InMemoryKnowledgeIndex implements BuildKnowledgeIndexPort, OpenKnowledgeIndexPort {
    private record Built(List<Passage> passages, Map<String, float[]> vectors, KnowledgeIndexSummary summary) {
    }

    private final EmbedTextsPort embedder;
    private final Map<Path, Built> built = new HashMap<>();

    public InMemoryKnowledgeIndex(EmbedTextsPort embedder) {
        this.embedder = embedder;
    }

    @Override
    public KnowledgeIndexSummary build(Path documents, Path index, Consumer<String> progress) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(documents)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Passage> passages = new ArrayList<>();
        for (Path file : files) {
            passages.addAll(read(documents.relativize(file).toString().replace('\\', '/'), file));
        }
        progress.accept("read " + files.size() + " documents, " + passages.size() + " passages");
        Map<String, float[]> previous = built.containsKey(index) ? built.get(index).vectors() : Map.of();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<String> missing = passages.stream().map(Passage::text).filter(text -> !previous.containsKey(text))
                .distinct().toList();
        List<float[]> embedded = embedder.embed(missing);
        for (int i = 0; i < missing.size(); i++) {
            vectors.put(missing.get(i), embedded.get(i));
        }
        passages.forEach(p -> vectors.putIfAbsent(p.text(), previous.get(p.text())));
        int reused = (int) passages.stream().filter(p -> previous.containsKey(p.text())).count();
        String version = Integer.toHexString(passages.hashCode()) + "-" + embedder.encoderVersion();
        KnowledgeIndexSummary summary = new KnowledgeIndexSummary(files.size(), passages.size(),
                passages.size() - reused, reused, version);
        built.put(index, new Built(List.copyOf(passages), vectors, summary));
        return summary;
    }

    @Override
    public boolean hasWork(Path documents, Path index) {
        return Files.isDirectory(documents) || built.containsKey(index);
    }

    @Override
    public KnowledgeIndex open(Path index) {
        Built opened = built.get(index);
        if (opened == null) {
            throw new InvalidBotException("No knowledge index in " + index);
        }
        return new KnowledgeIndex() {
            @Override
            public List<ScoredPassage> search(KnowledgeQuery query) {
                return InMemoryKnowledgeIndex.this.search(opened, query);
            }

            @Override
            public KnowledgeIndexSummary summary() {
                return opened.summary();
            }

            @Override
            public void close() {
            }
        };
    }

    private List<ScoredPassage> search(Built index, KnowledgeQuery query) {
        float[] question = embedder.embed(List.of(query.text())).get(0);
        Set<String> words = words(query.text());
        Map<Passage, Double> similarity = new HashMap<>();
        index.passages().forEach(p -> similarity.put(p, dot(question, index.vectors().get(p.text()))));
        List<Passage> byKeyword = index.passages().stream().filter(p -> overlap(words, p) > 0)
                .sorted(Comparator.comparingLong((Passage p) -> overlap(words, p)).reversed()).toList();
        List<Passage> byVector = index.passages().stream()
                .sorted(Comparator.comparingDouble((Passage p) -> similarity.get(p)).reversed()).toList();
        Map<Passage, Double> scores = new LinkedHashMap<>();
        switch (query.method()) {
            case KEYWORD -> byKeyword.forEach(p -> scores.put(p, (double) overlap(words, p)));
            case VECTOR -> byVector.forEach(p -> scores.put(p, similarity.get(p)));
            case HYBRID -> {
                for (List<Passage> ranking : List.of(byKeyword, byVector)) {
                    for (int rank = 0; rank < ranking.size(); rank++) {
                        scores.merge(ranking.get(rank), 1.0 / (60 + rank + 1), Double::sum);
                    }
                }
            }
        }
        return scores.entrySet().stream().sorted(Map.Entry.<Passage, Double>comparingByValue().reversed())
                .limit(query.limit())
                .map(e -> new ScoredPassage(e.getKey(), e.getValue(), similarity.get(e.getKey()))).toList();
    }

    private static List<Passage> read(String source, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!extension.equals("md") && !extension.equals("txt")) {
            throw new InvalidBotException(source + ": this index reads .md and .txt files only");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBotException(source + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidBotException(source + ": cannot be read", e);
        }
        String url = null;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 3);
            for (String line : text.substring(4, end).split("\n")) {
                if (line.startsWith("url:")) {
                    url = line.substring(4).trim();
                }
            }
            text = text.substring(end + 5);
        }
        String title = null;
        String section = "";
        List<String[]> paragraphs = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            String trimmed = block.strip();
            if (trimmed.startsWith("#")) {
                section = trimmed.replaceFirst("^#+\\s*", "");
                title = title == null ? section : title;
            } else if (!trimmed.isEmpty()) {
                paragraphs.add(new String[] {section, trimmed});
            }
        }
        String documentTitle = title != null ? title : dot < 0 ? name : name.substring(0, dot);
        List<Passage> passages = new ArrayList<>();
        for (String[] paragraph : paragraphs) {
            passages.add(new Passage(source, passages.size(), documentTitle, paragraph[0], url, paragraph[1]));
        }
        return passages;
    }

    private static Set<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    private static long overlap(Set<String> words, Passage passage) {
        Set<String> own = words(passage.title() + " " + passage.section() + " " + passage.text());
        return words.stream().filter(own::contains).count();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return Math.max(-1, Math.min(1, sum));
    }
}
