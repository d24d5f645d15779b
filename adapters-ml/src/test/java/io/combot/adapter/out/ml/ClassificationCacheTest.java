package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.ClassifyMessagePortContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache of repeated texts in the served bot, with the real model: on by default, per bot, off with batching. */
class ClassificationCacheTest {
    /** The shipped settings, cache included: what the service runs. */
    private static final DjlBotAdapter SHIPPED = new DjlBotAdapter(ShippedSettings.classifier());

    @AfterAll
    static void close() {
        SHIPPED.close();
    }

    @Test
    void aRepeatedTextIsAnsweredWithoutTheModel() {
        ClassifyMessagePort classifier = SHIPPED.current().classifier();
        long hits = SHIPPED.cacheStats().hitCount();
        long misses = SHIPPED.cacheStats().missCount();

        Classification first = classifier.classify("thanks a bunch, bot");
        Classification again = classifier.classify("thanks a bunch, bot");

        assertThat(again).isSameAs(first);
        assertThat(first.intent()).isEqualTo(Intent.of("thanks"));
        assertThat(SHIPPED.cacheStats().hitCount() - hits).isEqualTo(1);
        assertThat(SHIPPED.cacheStats().missCount() - misses).isEqualTo(1);
        assertThat(SHIPPED.cachedAnswers()).isPositive();
    }

    @Test
    void aCrisisIsAnsweredAsTheModelAnsweredIt() {
        ClassifyMessagePort classifier = SHIPPED.current().classifier();
        Classification model = SharedBot.classifier().classify("I want to end my life tonight");

        classifier.classify("I want to end my life tonight");

        assertThat(classifier.classify("I want to end my life tonight")).isEqualTo(model)
                .extracting(Classification::intent).isEqualTo(Intent.CRISIS);
    }

    /** The head's greeting and farewell rows trade names, so the new head calls every greeting a farewell. */
    @Test
    void aReloadAnswersATextCachedUnderTheOldHeadWithTheNewHead(@TempDir Path dir) throws IOException {
        BotTraining.writeShippedBot(dir);
        try (DjlBotAdapter bot = new DjlBotAdapter(servedFrom(dir))) {
            ClassifyMessagePort before = bot.current().classifier();
            Classification old = before.classify("hello there");
            assertThat(before.classify("hello there")).isSameAs(old);
            assertThat(old.intent()).isEqualTo(Intent.of("greeting"));

            Path head = dir.resolve("model/head.txt");
            Files.writeString(head, swapLabels(Files.readString(head), "greeting", "farewell"));
            assertThat(bot.swap(bot.read())).isTrue();
            long misses = bot.cacheStats().missCount();
            Classification now = bot.current().classifier().classify("hello there");

            assertThat(now.intent()).isEqualTo(Intent.of("farewell"));
            assertThat(now.modelVersion()).isNotEqualTo(old.modelVersion());
            assertThat(now.scores().get(Intent.of("farewell"))).isEqualTo(old.scores().get(Intent.of("greeting")));
            assertThat(bot.cacheStats().missCount() - misses).isEqualTo(1);
            assertThat(bot.cachedAnswers()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "cache size {0}, batch size {1}")
    @CsvSource({"0, 1", "1000, 2"})
    void noCacheWhenItIsSetToZeroOrTheModelBatches(int cacheSize, int batchSize) {
        try (DjlBotAdapter bot = new DjlBotAdapter(
                ShippedSettings.classifier().withCacheSize(cacheSize).withBatchSize(batchSize))) {
            ClassifyMessagePort classifier = bot.current().classifier();

            Classification first = classifier.classify("hi");
            Classification again = classifier.classify("hi");

            assertThat(again).isEqualTo(first).isNotSameAs(first);
            assertThat(bot.cachedAnswers()).isZero();
            assertThat(bot.cacheStats().requestCount()).isZero();
        }
    }

    private static ClassifierSettings servedFrom(Path dir) {
        ClassifierSettings shipped = ShippedSettings.classifier();
        return new ClassifierSettings(shipped.workers(), shipped.intraOpThreads(), shipped.batchSize(),
                shipped.batchWait(), shipped.queueCapacity(), shipped.retryAfter(), shipped.maxTokens(),
                shipped.cacheSize(), shipped.crisisThreshold(), dir);
    }

    private static String swapLabels(String head, String a, String b) {
        return Pattern.compile("^(" + a + "|" + b + ") ", Pattern.MULTILINE).matcher(head)
                .replaceAll(m -> (m.group(1).equals(a) ? b : a) + " ");
    }

    /** The cached classifier keeps the promises of every classifier. */
    @Nested
    class AsAClassifier extends ClassifyMessagePortContract {
        @Override
        protected ClassifyMessagePort classifier() {
            return SHIPPED.current().classifier();
        }
    }
}
