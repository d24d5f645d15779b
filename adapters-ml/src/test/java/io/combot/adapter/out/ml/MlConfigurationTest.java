package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.ReloadBotPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The beans bootstrap gets, through their whole life: loaded and up, saturated, closed with the context. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MlConfigurationTest {
    /**
     * One worker, no batching and room for two waiting texts, so that a burst overflows the queue; no cache, which
     * would answer the burst's repeated text without the queue.
     */
    private static final ClassifierSettings SMALL = new ClassifierSettings(1, 1, 1, Duration.ZERO, 2,
            Duration.ofMillis(250), 256, 0, OptionalDouble.empty(), null);

    private static AnnotationConfigApplicationContext context;

    @BeforeAll
    static void start() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(ClassifierSettings.class, () -> SMALL);
        context.register(MlConfiguration.class);
        context.refresh();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    @Order(1)
    void theBotIsReadyAndItsHealthNamesTheModelVersion() {
        ClassifyMessagePort classifier = context.getBean(CurrentBotPort.class).current().classifier();
        ComponentHealth health = context.getBean("modelHealth", HealthCheckPort.class).check();

        String version = classifier.classify("Hello there!").modelVersion();
        assertThat(version).matches("minilm-l6-q-[0-9a-f]{12}");
        assertThat(health.name()).isEqualTo("model");
        assertThat(health.up()).isTrue();
        assertThat(health.detail()).contains(version).contains("OnnxRuntime").contains("combot-default");
        assertThat(context.getBean(CurrentBotPort.class).current().modelVersion()).isEqualTo(version);
        assertThat(context.getBean(ReloadBotPort.class).read().bot().modelVersion()).isEqualTo(version);
    }

    @Test
    @Order(2)
    void aFullQueueRefusesATextAtOnceWithARetryAfter() throws InterruptedException {
        ClassifyMessagePort classifier = context.getBean(CurrentBotPort.class).current().classifier();
        String slow = "why is my parcel late? ".repeat(200);
        ExecutorService burst = Executors.newFixedThreadPool(32);
        List<CompletableFuture<Intent>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> classifier.classify(slow).intent(), burst));
        }
        List<Throwable> refused = new ArrayList<>();
        int answered = 0;
        for (CompletableFuture<Intent> call : calls) {
            try {
                call.get();
                answered++;
            } catch (ExecutionException e) {
                refused.add(e.getCause());
            }
        }
        burst.shutdownNow();

        assertThat(answered).isPositive();
        assertThat(refused).isNotEmpty().allSatisfy(error -> assertThat(error)
                .isInstanceOfSatisfying(CapacityExceededException.class,
                        full -> assertThat(full.retryAfter()).isEqualTo(Duration.ofMillis(250))));
    }

    @Test
    @Order(3)
    void closingTheContextClosesTheModelAndTurnsHealthDown() {
        ClassifyMessagePort classifier = context.getBean(CurrentBotPort.class).current().classifier();
        HealthCheckPort health = context.getBean("modelHealth", HealthCheckPort.class);

        context.close();

        assertThat(health.check().up()).isFalse();
        assertThatThrownBy(() -> classifier.classify("hi")).isInstanceOf(CapacityExceededException.class);
    }
}
