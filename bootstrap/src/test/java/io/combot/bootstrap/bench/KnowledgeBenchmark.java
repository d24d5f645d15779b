package io.combot.bootstrap.bench;

import io.combot.adapter.out.knowledge.KnowledgeConfiguration;
import io.combot.adapter.out.knowledge.KnowledgeSettings;
import io.combot.adapter.out.ml.ClassifierSettings;
import io.combot.adapter.out.ml.MlConfiguration;
import io.combot.adapter.out.ml.ShippedSettings;
import io.combot.domain.model.GroundingPolicy;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.RetrievalMethod;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.out.BuildKnowledgeIndexPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import io.combot.tools.settings.ShippedDefaults;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The knowledge base measured with the service's encoder and index: SQuAD v1.1 dev as passage retrieval (nDCG@10,
 * recall@10, MRR@10 of keyword, vector and hybrid search), the grounding decision's no-answer rates, the build time
 * and size of the index, and search latency at the corpus' size and at about 100k passages. Run by bench/knowledge.
 *
 * <p>Questions are split in two by their place in the file: the odd ones choose the grounding threshold, the even
 * ones report it. A passage found counts for the paragraph (document) it was cut from, at its first rank.
 */
public final class KnowledgeBenchmark {
    private static final int K = 10;
    /** The passages a grounding decision weighs, as many as a reply quotes. */
    private static final int GROUNDING_DEPTH = 5;
    private static final Pattern FIELD = Pattern.compile("\"(id|title|text)\": \"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    private record Doc(String id, String title, String text) {
    }

    private record Question(String id, String text) {
    }

    /** One question's outcome for one method: the gold document's rank (0-based, -1 when past the cut-off) and
     * the best similarity among the passages a grounding decision weighs. */
    private record Outcome(int rank, double similarity) {
    }

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path data = Path.of(options.get("data"));
        Path work = Path.of(options.getOrDefault("work", "target/knowledge-bench"));
        int queryLimit = Integer.parseInt(options.getOrDefault("queries", "0"));
        int cold = Integer.parseInt(options.getOrDefault("cold", "10000"));
        int large = Integer.parseInt(options.getOrDefault("large", "100000"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "2000"));
        KnowledgeSettings settings = new KnowledgeSettings(
                intOption(options, "passage-words", "COMBOT_KNOWLEDGE_PASSAGE_WORDS"),
                intOption(options, "candidates", "COMBOT_KNOWLEDGE_CANDIDATES"),
                options.containsKey("keyword-weight") ? Double.parseDouble(options.get("keyword-weight"))
                        : Double.parseDouble(ShippedDefaults.string("COMBOT_KNOWLEDGE_KEYWORD_WEIGHT")));
        boolean keep = options.containsKey("keep");

        List<Doc> corpus = readCorpus(data.resolve("corpus.jsonl"));
        Map<String, String> gold = readGold(data.resolve("qrels.tsv"));
        List<Question> questions = readQuestions(data.resolve("queries.jsonl"));
        int skip = Math.min(Integer.parseInt(options.getOrDefault("skip", "0")), questions.size());
        questions = questions.subList(skip, queryLimit > 0 ? Math.min(skip + queryLimit, questions.size())
                : questions.size());
        List<String> offTopic = Files.readAllLines(Path.of(options.getOrDefault("off-topic",
                "../bench/knowledge-off-topic.txt"))).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        System.out.printf("machine: %d cores, load %s; %s; settings %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(), System.getProperty("java.vm.version"), settings);
        System.out.printf("data: %d passages, %d questions (from the %d-th), %d off-topic questions%n", corpus.size(),
                questions.size(), skip + 1, offTopic.size());

        if (!keep) {
            deleteTree(work);
        }
        try (AnnotationConfigApplicationContext context = context(settings)) {
            EmbedTextsPort embedder = context.getBean(EmbedTextsPort.class);
            BuildKnowledgeIndexPort builder = context.getBean(BuildKnowledgeIndexPort.class);
            OpenKnowledgeIndexPort opener = context.getBean(OpenKnowledgeIndexPort.class);

            Path squadDocs = work.resolve("squad/knowledge");
            Path squadIndex = work.resolve("squad/model/knowledge");
            writeCorpus(squadDocs, corpus, 1, corpus.size(), false);
            build("SQuAD dev", builder, squadDocs, squadIndex);
            build("SQuAD dev again, unchanged", builder, squadDocs, squadIndex);

            try (KnowledgeIndex index = opener.open(squadIndex)) {
                Map<RetrievalMethod, List<Outcome>> covered = evaluate(index, questions, gold);
                Map<RetrievalMethod, List<Outcome>> uncovered = evaluate(index,
                        offTopic.stream().map(q -> new Question(null, q)).toList(), gold);
                System.out.println();
                System.out.printf("SQuAD v1.1 dev, %d questions         nDCG@10  recall@10  MRR@10%n",
                        questions.size());
                for (RetrievalMethod method : RetrievalMethod.values()) {
                    printRetrieval(method, covered.get(method));
                }
                System.out.println();
                System.out.println("grounding (best cosine of the first " + GROUNDING_DEPTH + " passages; threshold "
                        + "chosen on odd questions, rates on even ones)");
                System.out.println("method    threshold  no-answer off-topic  no-answer SQuAD  answered SQuAD with "
                        + "gold in top 5");
                for (RetrievalMethod method : RetrievalMethod.values()) {
                    printGrounding(method, covered.get(method), uncovered.get(method));
                }
                System.out.println();
                latency("at " + index.summary().passages() + " passages", index, embedder, questions, searches);
            }

            if (cold > 0) {
                Path coldDocs = work.resolve("cold/knowledge");
                writeCorpus(coldDocs, corpus, (cold + corpus.size() - 1) / corpus.size(), cold, true);
                build("cold build of " + cold + " documents (distinct titles, so every passage is embedded)",
                        builder, coldDocs, work.resolve("cold/model/knowledge"));
                deleteTree(work.resolve("cold"));
            }
            if (large > 0) {
                Path largeDocs = work.resolve("large/knowledge");
                Path largeIndex = work.resolve("large/model/knowledge");
                writeCorpus(largeDocs, corpus, (large + corpus.size() - 1) / corpus.size(), large, false);
                // The copies' texts are the corpus', so the SQuAD index supplies their embeddings.
                if (!Files.exists(largeIndex)) {
                    copyTree(squadIndex, largeIndex);
                }
                build("large build of " + large + " documents (the corpus repeated, embeddings reused)", builder,
                        largeDocs, largeIndex);
                try (KnowledgeIndex index = opener.open(largeIndex)) {
                    latency("at " + index.summary().passages() + " passages", index, embedder, questions, searches);
                }
            }
            System.out.printf("%nprocess: RSS %d MB, heap used %d MB of %d MB committed (max %d MB)%n", rssMb(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().totalMemory() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            if (!keep) {
                deleteTree(work);
            }
        }
    }

    private static AnnotationConfigApplicationContext context(KnowledgeSettings settings) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(ClassifierSettings.class, ShippedSettings::classifier);
        context.registerBean(KnowledgeSettings.class, () -> settings);
        context.register(MlConfiguration.class, KnowledgeConfiguration.class);
        context.refresh();
        return context;
    }

    private static void build(String name, BuildKnowledgeIndexPort builder, Path docs, Path index) throws IOException {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        long cpuStarted = processCpuNanos();
        double uptimeStarted = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long started = System.nanoTime();
        KnowledgeIndexSummary summary = builder.build(docs, index, line -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU seconds of the whole process (the encoder's workers included): what the build costs on a quiet machine.
        double cpu = (processCpuNanos() - cpuStarted) / 1e9;
        System.out.printf("build, %s: %d documents, %d passages (%d embedded, %d reused) in %.1f s, CPU %.1f s; "
                        + "index %.1f MB; load before %s, after %s; JVM uptime %.1f to %.1f s (to read a GC log)%n", name,
                summary.documents(), summary.passages(), summary.embedded(), summary.reused(), seconds, cpu,
                size(index) / 1e6, loadBefore, Files.readString(Path.of("/proc/loadavg")).strip(), uptimeStarted,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }

    /** Every question searched by every method, on both cores (the encoder has two workers). */
    private static Map<RetrievalMethod, List<Outcome>> evaluate(KnowledgeIndex index, List<Question> questions,
                                                                Map<String, String> gold)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<RetrievalMethod, List<Outcome>> outcomes = new EnumMap<>(RetrievalMethod.class);
            for (RetrievalMethod method : RetrievalMethod.values()) {
                List<Future<Outcome>> pending = new ArrayList<>();
                for (Question question : questions) {
                    pending.add(pool.submit(() -> outcome(index, question, gold.get(question.id()), method)));
                }
                List<Outcome> results = new ArrayList<>();
                for (Future<Outcome> each : pending) {
                    results.add(each.get());
                }
                outcomes.put(method, results);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome outcome(KnowledgeIndex index, Question question, String goldDoc, RetrievalMethod method) {
        // Deep enough that ten distinct paragraphs remain after passages of one paragraph are merged.
        List<ScoredPassage> found = index.search(new KnowledgeQuery(question.text(), 3 * K, method));
        List<String> docs = new ArrayList<>(new LinkedHashSet<>(found.stream().map(hit -> docId(hit.passage()
                .source())).toList()));
        int rank = goldDoc == null ? -1 : docs.indexOf(goldDoc);
        double similarity = found.stream().limit(GROUNDING_DEPTH).mapToDouble(ScoredPassage::similarity).max()
                .orElse(-1);
        return new Outcome(rank < K ? rank : -1, similarity);
    }

    private static void printRetrieval(RetrievalMethod method, List<Outcome> outcomes) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.rank() >= 0) {
                ndcg += 1 / (Math.log(outcome.rank() + 2) / Math.log(2));
                recall += 1;
                mrr += 1.0 / (outcome.rank() + 1);
            }
        }
        int n = outcomes.size();
        System.out.printf("%-36s %.4f   %.4f     %.4f%n", method.name().toLowerCase(), ndcg / n, recall / n, mrr / n);
    }

    private static void printGrounding(RetrievalMethod method, List<Outcome> covered, List<Outcome> uncovered) {
        double best = 0;
        double threshold = 0;
        for (int step = 0; step <= 100; step++) {
            double t = step / 100.0;
            double balanced = (answered(odd(covered), t) + 1 - answered(odd(uncovered), t)) / 2;
            if (balanced > best) {
                best = balanced;
                threshold = t;
            }
        }
        GroundingPolicy policy = new GroundingPolicy(threshold);
        List<Outcome> coveredTest = even(covered);
        long answeredWithGold = coveredTest.stream().filter(o -> o.similarity() >= policy.minSimilarity()
                && o.rank() >= 0 && o.rank() < GROUNDING_DEPTH).count();
        System.out.printf("%-9s %.2f       %5.1f%%               %5.1f%%            %5.1f%%%n",
                method.name().toLowerCase(), threshold, 100 * (1 - answered(even(uncovered), threshold)),
                100 * (1 - answered(coveredTest, threshold)), 100.0 * answeredWithGold / coveredTest.size());
    }

    private static double answered(List<Outcome> outcomes, double threshold) {
        return (double) outcomes.stream().filter(o -> o.similarity() >= threshold).count() / outcomes.size();
    }

    private static List<Outcome> odd(List<Outcome> all) {
        List<Outcome> odd = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 2) {
            odd.add(all.get(i));
        }
        return odd;
    }

    private static List<Outcome> even(List<Outcome> all) {
        List<Outcome> even = new ArrayList<>();
        for (int i = 1; i < all.size(); i += 2) {
            even.add(all.get(i));
        }
        return even;
    }

    /** One caller at a time, as one chat turn searches: the query's embedding included. */
    private static void latency(String name, KnowledgeIndex index, EmbedTextsPort embedder, List<Question> questions,
                                int searches) {
        for (RetrievalMethod method : RetrievalMethod.values()) {
            for (int i = 0; i < Math.min(500, searches); i++) {
                index.search(new KnowledgeQuery(questions.get(i % questions.size()).text(), K, method));
            }
            long[] nanos = new long[searches];
            for (int i = 0; i < searches; i++) {
                String text = questions.get((i * 7919) % questions.size()).text();
                long started = System.nanoTime();
                index.search(new KnowledgeQuery(text, K, method));
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            System.out.printf("latency %s, %-7s: p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms over %d searches%n", name,
                    method.name().toLowerCase(), nanos[searches / 2] / 1e6, nanos[searches * 95 / 100] / 1e6,
                    nanos[searches * 99 / 100] / 1e6, searches);
        }
        long[] nanos = new long[searches];
        for (int i = 0; i < searches; i++) {
            String text = questions.get((i * 7919) % questions.size()).text();
            long started = System.nanoTime();
            embedder.embed(List.of(text));
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("latency %s, of which the question's embedding: p50 %5.1f ms  p95 %5.1f ms%n", name,
                nanos[searches / 2] / 1e6, nanos[searches * 95 / 100] / 1e6);
    }

    /**
     * Writes {@code count} documents, one paragraph each as HTML (a heading with the article's title, the text as a
     * paragraph), repeating the corpus in folders copy00, copy01 … when {@code copies} > 1. With
     * {@code distinctTitles} each copy's titles carry its number, so no two documents embed alike.
     */
    private static void writeCorpus(Path docs, List<Doc> corpus, int copies, int count, boolean distinctTitles)
            throws IOException {
        int written = 0;
        for (int copy = 0; copy < copies && written < count; copy++) {
            for (Doc doc : corpus) {
                if (written++ == count) {
                    break;
                }
                String article = doc.id().substring(0, 3);
                Path file = (copies > 1 ? docs.resolve("copy%02d".formatted(copy)) : docs).resolve(article)
                        .resolve(doc.id() + ".html");
                Files.createDirectories(file.getParent());
                String title = distinctTitles ? doc.title() + " (edition " + (copy + 1) + ")" : doc.title();
                Files.writeString(file, "<h1>" + escape(title) + "</h1>\n<p>" + escape(doc.text()) + "</p>\n");
            }
        }
    }

    private static String docId(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<Doc> readCorpus(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(KnowledgeBenchmark::fields)
                .map(f -> new Doc(f.get("id"), f.get("title"), f.get("text"))).toList();
    }

    private static List<Question> readQuestions(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(KnowledgeBenchmark::fields)
                .map(f -> new Question(f.get("id"), f.get("text"))).toList();
    }

    private static Map<String, String> readGold(Path file) throws IOException {
        Map<String, String> gold = new HashMap<>();
        Files.readAllLines(file).stream().skip(1).map(line -> line.split("\t"))
                .forEach(cells -> gold.put(cells[0], cells[1]));
        return gold;
    }

    /** The three string fields of one JSON line of these files (no nesting), JSON escapes decoded. */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return fields;
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = json.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, String defaultsKey) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : ShippedDefaults.integer(defaultsKey);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
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
