package io.combot.adapter.out.ml;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import io.combot.domain.port.out.ReloadBotPort;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot: a {@link CurrentBotPort} (its definition and intent classifier), a {@link ReloadBotPort}, the
 * {@link EmbedTextsPort} of the same encoder, and a
 * {@link HealthCheckPort} named {@code modelHealth}. Needs a {@link ClassifierSettings} bean, and an
 * {@link OpenKnowledgeIndexPort} to serve a bot whose folder has a knowledge index. The model and the bot
 * load while the context starts, so the service is not ready before it can classify; they close with the context.
 * When the context holds a {@link MeterRegistry}, the classifier cache's size, hits, misses and evictions go to it.
 */
@Configuration
public class MlConfiguration {
    static final String WARM_UP_TEXT = "Warming up the intent classifier before the service reports that it is ready.";
    @Bean(destroyMethod = "close")
    DjlBotAdapter botAdapter(ClassifierSettings settings, ObjectProvider<MeterRegistry> metrics,
                             ObjectProvider<OpenKnowledgeIndexPort> knowledge) {
        DjlBotAdapter adapter = new DjlBotAdapter(settings, index -> knowledge.getObject().open(index));
        // One message through the workers, as a turn classifies it, before the service is ready: the first one loads
        // ONNX Runtime's tensor classes. Longer than the cache takes, so it caches and counts nothing.
        adapter.current().classifier().classify(WARM_UP_TEXT);
        metrics.ifAvailable(registry -> cacheMeters(adapter, registry));
        return adapter;
    }

    private static void cacheMeters(DjlBotAdapter adapter, MeterRegistry registry) {
        Gauge.builder("combot.classifier.cache.size", adapter, DjlBotAdapter::cachedAnswers)
                .description("Answers the serving bot's classifier cache holds for repeated texts").register(registry);
        Map.<String, ToDoubleFunction<CacheStats>>of("hit", CacheStats::hitCount, "miss", CacheStats::missCount)
                .forEach((result, count) -> FunctionCounter.builder("combot.classifier.cache.gets", adapter,
                                bot -> count.applyAsDouble(bot.cacheStats()))
                        .tag("result", result)
                        .description("Short texts looked up in the classifier cache: hit (answered without the "
                                + "model) or miss").register(registry));
        FunctionCounter.builder("combot.classifier.cache.evictions", adapter, bot -> bot.cacheStats().evictionCount())
                .description("Answers dropped from the classifier cache to stay within its size").register(registry);
    }

    /** The same encoder as the classifier's, so that nothing loads the model twice. */
    @Bean
    EmbedTextsPort textEmbedder(DjlBotAdapter botAdapter) {
        return botAdapter.embedder();
    }

    @Bean
    HealthCheckPort modelHealth(DjlBotAdapter botAdapter) {
        return new ModelHealthAdapter(botAdapter);
    }
}
