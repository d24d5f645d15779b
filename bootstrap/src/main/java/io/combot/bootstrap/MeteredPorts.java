package io.combot.bootstrap;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.GenerateReplyPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Metrics taken at the ports, so that neither the application nor the adapters know Micrometer: the ports are wrapped
 * where bootstrap hands them to the use cases.
 */
final class MeteredPorts {
    private final MeterRegistry registry;
    private final AtomicInteger llmInFlight = new AtomicInteger();

    MeteredPorts(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("combot.llm.in.flight", llmInFlight);
    }

    ClassifyMessagePort classifier(ClassifyMessagePort classifier) {
        return text -> timed("combot.classifier.latency", () -> classifier.classify(text));
    }

    GenerateReplyPort generator(GenerateReplyPort generator) {
        return (ReplyRequest request, ReplySink sink) -> {
            llmInFlight.incrementAndGet();
            try {
                return timed("combot.llm.latency", () -> generator.generate(request, sink));
            } finally {
                llmInFlight.decrementAndGet();
            }
        };
    }

    /** Replies counted by route ({@code fast_path}, {@code safety}, {@code llm}, {@code offline}, {@code fallback}). */
    SendMessageUseCase sendMessage(SendMessageUseCase sendMessage) {
        return (SendMessageCommand command, TurnListener listener) -> {
            Turn turn = sendMessage.sendMessage(command, listener);
            Counter.builder("combot.replies")
                    .tag("route", turn.reply().route().label())
                    .tag("degraded", Boolean.toString(turn.reply().degraded()))
                    .register(registry)
                    .increment();
            return turn;
        };
    }

    /** Times {@code call}, tagged with its outcome: ok, capacity (refused, 503), unavailable or error. */
    private <T> T timed(String name, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (CapacityExceededException e) {
            outcome = "capacity";
            throw e;
        } catch (ReplyUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            Timer.builder(name).tag("outcome", outcome).publishPercentileHistogram().register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
