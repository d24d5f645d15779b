package io.combot.adapter.out.ml;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.ReloadBotPort;
import io.combot.domain.port.out.ServingBot;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a bot: the MiniLM model and its worker threads load once and stay, while the bot (its definition and the
 * intent head trained for it) is read from its folder at start and again on each reload. A reload builds the new bot
 * beside the old one and swaps one reference: a request holds the bot it started with to the end, so in-flight
 * requests finish on the old bot and none fails. Each bot has its own cache of answers to repeated texts (when
 * the settings allow one), so the swap drops the old head's answers with the old head.
 */
final class DjlBotAdapter implements CurrentBotPort, ReloadBotPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DjlBotAdapter.class);

    /** A serving bot with the head behind its classifier, which the next reload's gate compares against. */
    private record Loaded(ServingBot bot, IntentHead head) {
    }

    private record Bot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion)
            implements ServingBot {
    }

    private final BotSource source;
    private final ClassifierSettings settings;
    private final MiniLmEncoder encoder;
    private final EmbeddingWorkers workers;
    private final ConcurrentStatsCounter cacheStats = new ConcurrentStatsCounter();
    private final AtomicReference<Loaded> current;

    DjlBotAdapter(ClassifierSettings settings) {
        this.settings = settings;
        this.source = settings.botDir() == null ? BotSource.shipped() : BotSource.folder(settings.botDir());
        BotFolder folder = BotFolder.read(source);
        BotFolder.TrainedModel model = folder.requireModel();
        this.encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
        this.workers = new EmbeddingWorkers(encoder, settings);
        this.current = new AtomicReference<>(load(folder, model));
        folder.warnings().forEach(warning -> LOG.warn("{}", warning));
        LOG.info("Serving bot {} from {} with model {} ({} intents)", folder.definition().name(),
                source.describe(BotSource.BOT_YAML), current.get().bot().modelVersion(),
                folder.definition().intents().size());
        if (settings.cacheSize() > 0 && !settings.cachesRepeats()) {
            LOG.info("No cache of classifications: with micro-batching (batch size {}) a text's answer may depend on "
                    + "the texts batched with it", settings.batchSize());
        }
    }

    @Override
    public ServingBot current() {
        return current.get().bot();
    }

    @Override
    public BotReload reload(boolean force) {
        BotFolder folder = BotFolder.read(source);
        BotFolder.TrainedModel model = folder.requireModel();
        Loaded serving = current.get();
        Loaded next = load(folder, model);
        PromotionGate gate = gate(folder, next.head(), serving.head(), force);
        String candidate = next.bot().modelVersion();
        String previous = serving.bot().modelVersion();
        if (!gate.passed()) {
            LOG.warn("Bot reload refused, model {} keeps serving: {}", previous, gate.reason());
            return new BotReload(false, folder.definition().name(), candidate, previous, previous,
                    folder.definition().intentNames(), gate);
        }
        current.set(next);
        folder.warnings().forEach(warning -> LOG.warn("{}", warning));
        LOG.info("Bot {} reloaded: model {} replaces {}; gate {}", folder.definition().name(), candidate, previous,
                gate.reason());
        return new BotReload(true, folder.definition().name(), candidate, candidate, previous,
                folder.definition().intentNames(), gate);
    }

    /** Answers the serving bot's cache holds; 0 without a cache. */
    long cachedAnswers() {
        return current.get().bot().classifier() instanceof CachingClassifier cache ? cache.size() : 0;
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
        workers.close();
        encoder.close();
    }

    private Loaded load(BotFolder folder, BotFolder.TrainedModel model) {
        IntentHead head = model.head().withCrisisThreshold(
                settings.crisisThreshold().orElse(model.head().crisisThreshold()));
        String version = ModelVersion.of(encoder.modelDigest(), model.bytes());
        ClassifyMessagePort headClassifier = new HeadClassifier(workers, head, version);
        ClassifyMessagePort classifier = settings.cachesRepeats()
                ? new CachingClassifier(headClassifier, encoder::clean, settings.cacheSize(), cacheStats)
                : headClassifier;
        return new Loaded(new Bot(folder.definition(), classifier, version), head);
    }

    /**
     * The same gate as training: on the folder's held-out set when it has one (both heads classify the same texts
     * now), otherwise on the out-of-fold figures each head was written with.
     */
    private PromotionGate gate(BotFolder folder, IntentHead candidate, IntentHead serving, boolean force) {
        if (!folder.heldout().isEmpty()) {
            float[][] embedded = folder.heldout().stream().map(example -> workers.embed(example.text()))
                    .toArray(float[][]::new);
            ModelEvaluation next = ModelEvaluator.evaluate(candidate, folder.heldout(), embedded).evaluation();
            ModelEvaluation now = ModelEvaluator.evaluate(serving, folder.heldout(), embedded).evaluation();
            return PromotionGate.check(next, now, force);
        }
        if (candidate.evaluation() == null) {
            throw new InvalidBotException(folder.source().describe(BotSource.HEAD) + " carries no evaluation and the "
                    + "folder has no heldout.tsv: run bin/combot train on the folder again");
        }
        ModelEvaluation now = serving.evaluation() != null
                && serving.evaluation().basis().equals(candidate.evaluation().basis()) ? serving.evaluation() : null;
        return PromotionGate.check(candidate.evaluation(), now, force);
    }
}
