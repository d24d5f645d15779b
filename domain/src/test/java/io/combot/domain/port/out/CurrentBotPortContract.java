package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentRoute;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link CurrentBotPort} does; each adapter and the in-memory double extend this once. */
public abstract class CurrentBotPortContract {
    protected abstract CurrentBotPort bots();

    @Test
    void theServingBotHasCrisisRoutedToSafetyAndNoIntentNamedUnknown() {
        ServingBot bot = bots().current();

        assertThat(bot.definition().definitionOf(Intent.CRISIS).route()).isEqualTo(IntentRoute.SAFETY);
        assertThat(bot.definition().intentNames()).doesNotContain(Intent.UNKNOWN);
        assertThat(bot.modelVersion()).isNotBlank();
    }

    @Test
    void itsClassifierNamesOnlyTheBotsIntentsAndItsModelVersion() {
        ServingBot bot = bots().current();

        for (String text : List.of("Hello there!", "I want to kill myself", "lorem ipsum", "")) {
            Classification classification = bot.classifier().classify(text);
            assertThat(bot.definition().intentNames()).contains(classification.intent());
            assertThat(classification.scores().keySet()).isSubsetOf(Set.copyOf(bot.definition().intentNames()));
            assertThat(classification.modelVersion()).isEqualTo(bot.modelVersion());
        }
    }

    @Test
    void manyThreadsGetTheSameBot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> versions = IntStream.range(0, 64)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> bots().current().modelVersion(), pool))
                    .toList();
            Set<String> seen = versions.stream().map(CompletableFuture::join).collect(Collectors.toSet());
            assertThat(seen).containsExactly(bots().current().modelVersion());
        } finally {
            pool.shutdownNow();
        }
    }
}
