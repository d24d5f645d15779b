package io.combot.adapter.out.ml;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.LabelledText;
import io.combot.domain.port.out.BotCandidate;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.ReloadBotPort;
import io.combot.domain.port.out.SearchKnowledgePort;
import io.combot.domain.port.out.ServingBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a bot: the MiniLM model and its worker threads load once and stay, while the bot (its definition and the
 * intent head trained for it) is read from its folder at start and again on each reload. A reload builds the new bot
 * beside the old one and (once the promotion gate, outside, lets it) swaps one reference: a request holds the bot it started with to the end, so in-flight
 * requests finish on the old bot and none fails. Each bot has its own cache of answers to repeated texts (when
 * the settings allow one), so the swap drops the old head's answers with the old head.
 */
final class DjlBotAdapter implements CurrentBotPort, ReloadBotPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DjlBotAdapter.class);

    /** How long a replaced bot's knowledge index stays open for the turns that took it before the swap. */
    private static final Duration INDEX_GRACE = Duration.ofMinutes(2);

    /** A serving bot with the head behind its classifier, which the promotion gate measures; {@code index} or null. */
    private record Bot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion, IntentHead head,
                       KnowledgeIndex index) implements ServingBot {
        @Override
        public Optional<SearchKnowledgePort> knowledge() {
            return Optional.ofNullable(index);
        }

        /** bot.yaml's, else the one training chose. */
        @Override
        public OptionalDouble minConfidence() {
            return definition.minConfidence().isPresent() ? definition.minConfidence() : head.minConfidence();
        }
    }

    /** A bot read from the folder, with the warnings its folder gave, logged when it is swapped in. */
    private record Candidate(Bot bot, Bot replaces, List<LabelledText> gateTexts, List<LabelledText> screeningTexts,
                             List<String> warnings) implements BotCandidate {
        @Override
        public IntentModel model() {
            return bot.head();
        }

        @Override
        public IntentModel servingModel() {
            return replaces.head();
        }

        @Override
        public void discard() {
            if (bot.index() != null) {
                bot.index().close();
            }
        }
    }

    private final BotSource source;
    private final ClassifierSettings settings;
    private final MiniLmEncoder encoder;
    private final EmbeddingWorkers workers;
    private final ConcurrentStatsCounter cacheStats = new ConcurrentStatsCounter();
    private final AtomicReference<Bot> current;
    private final Function<Path, KnowledgeIndex> knowledge;
    private final ScheduledExecutorService indexCloser = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "knowledge-index-closer");
        thread.setDaemon(true);
        return thread;
    });

    DjlBotAdapter(ClassifierSettings settings) {
        this(settings, index -> {
            throw new IllegalStateException("No knowledge index reader is configured; " + index + " is not read");
        });
    }

    /** {@code knowledge} opens a bot's index ({@code model/knowledge} in its folder), for a bot that has one. */
    DjlBotAdapter(ClassifierSettings settings, Function<Path, KnowledgeIndex> knowledge) {
        this.settings = settings;
        this.knowledge = knowledge;
        this.source = settings.botDir() == null ? BotSource.shipped() : BotSource.folder(settings.botDir());
        BotFolder folder = BotFolder.read(source);
        BotFolder.TrainedModel model = folder.requireModel();
        this.encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
        this.workers = new EmbeddingWorkers(encoder, settings);
        this.current = new AtomicReference<>(load(folder, model));
        folder.warnings().forEach(warning -> LOG.warn("{}", warning));
        LOG.info("Serving bot {} from {} with model {} ({} intents)", folder.definition().name(),
                source.describe(BotSource.BOT_YAML), current.get().modelVersion(),
                folder.definition().intents().size());
        if (settings.cacheSize() > 0 && !settings.cachesRepeats()) {
            LOG.info("No cache of classifications: with micro-batching (batch size {}) a text's answer may depend on "
                    + "the texts batched with it", settings.batchSize());
        }
    }

    @Override
    public ServingBot current() {
        return current.get();
    }

    @Override
    public BotCandidate read() {
        BotFolder folder = BotFolder.read(source);
        BotFolder.TrainedModel model = folder.requireModel();
        Bot serving = current.get();
        Bot next = load(folder, model);
        return new Candidate(next, serving, folder.gateTexts(), ScreeningSets.read(folder.source()).heldout(),
                folder.warnings());
    }

    /** Compare-and-set: a candidate read while another bot served is never swapped in over it. */
    @Override
    public boolean swap(BotCandidate candidate) {
        if (!(candidate instanceof Candidate read)) {
            throw new IllegalArgumentException("A candidate of another adapter: " + candidate);
        }
        if (!current.compareAndSet(read.replaces(), read.bot())) {
            return false;
        }
        KnowledgeIndex replaced = read.replaces().index();
        if (replaced != null && replaced != read.bot().index()) {
            indexCloser.schedule(replaced::close, INDEX_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        read.warnings().forEach(warning -> LOG.warn("{}", warning));
        return true;
    }

    /** Answers the serving bot's cache holds; 0 without a cache. */
    long cachedAnswers() {
        return current.get().classifier() instanceof CachingClassifier cache ? cache.size() : 0;
    }

    /** Hits and misses of the caches of every bot served since start: they never go back at a reload. */
    CacheStats cacheStats() {
        return cacheStats.snapshot();
    }

    /** The encoder this adapter loaded, for whatever else embeds texts in the service. */
    DjlTextEmbedder embedder() {
        return new DjlTextEmbedder(workers, encoder.modelDigest());
    }

    String engineName() {
        return encoder.engineName();
    }

    boolean isOpen() {
        return workers.isOpen();
    }

    @Override
    public void close() {
        indexCloser.shutdownNow();
        KnowledgeIndex index = current.get().index();
        if (index != null) {
            index.close();
        }
        workers.close();
        encoder.close();
    }

    private Bot load(BotFolder folder, BotFolder.TrainedModel model) {
        // The operator's override moves the crisis decision's threshold (the crisis head's, when the head has one).
        IntentHead head = settings.crisisThreshold().isPresent()
                ? model.head().withDecisionThreshold(settings.crisisThreshold().getAsDouble()) : model.head();
        KnowledgeIndex index = openKnowledge();
        String version = ModelVersion.of(encoder.modelDigest(), model.bytes());
        if (index != null) {
            version = KnowledgeIndexSummary.servedVersion(version, index.summary());
        }
        ClassifyMessagePort headClassifier = new HeadClassifier(workers, head, version);
        ClassifyMessagePort classifier = settings.cachesRepeats()
                ? new CachingClassifier(headClassifier, encoder::clean, settings.cacheSize(), cacheStats)
                : headClassifier;
        return new Bot(folder.definition(), classifier, version, head, index);
    }

    /** The index train wrote in the bot's folder, or null: the shipped bot and a bot without documents have none. */
    private KnowledgeIndex openKnowledge() {
        if (settings.botDir() == null) {
            return null;
        }
        Path index = settings.botDir().resolve(KnowledgeIndexSummary.INDEX_FOLDER);
        return Files.isDirectory(index) ? knowledge.apply(index) : null;
    }
}
