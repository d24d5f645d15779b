package io.combot.adapter.out.llm;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.CombotException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.CircuitState;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guards around every LLM call, outermost first: a bulkhead bounds the calls in flight; retries with
 * exponential backoff and jitter, honouring {@code Retry-After}, stay within the call's deadline; a circuit breaker
 * around each attempt stops calling a failing server and lets one probe through after a pause.
 */
final class LlmResilience {
    private static final Logger log = LoggerFactory.getLogger(LlmResilience.class);
    /** What a refused caller is told to wait: slots free up as fast as replies finish, typically within seconds. */
    static final Duration SLOT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;
    private static final int CIRCUIT_WINDOW = 20;
    private static final int CIRCUIT_MINIMUM_CALLS = 10;
    private static final float CIRCUIT_FAILURE_RATE_PERCENT = 50;

    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final int maxRetries;
    private final LongAdder retries = new LongAdder();
    private final IntervalFunction backoff =
            IntervalFunction.ofExponentialRandomBackoff(FIRST_BACKOFF, BACKOFF_MULTIPLIER, JITTER);

    /** {@code failedResult} tells which results count as failures for the circuit breaker, e.g. a broken stream. */
    LlmResilience(LlmSettings settings, Predicate<Object> failedResult) {
        this.maxRetries = settings.maxRetries();
        this.bulkhead = Bulkhead.of("llm", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForSlot())
                .build());
        this.circuitBreaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(CIRCUIT_WINDOW)
                .minimumNumberOfCalls(CIRCUIT_MINIMUM_CALLS)
                .failureRateThreshold(CIRCUIT_FAILURE_RATE_PERCENT)
                .waitDurationInOpenState(settings.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(failedResult)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event ->
                log.warn("LLM circuit breaker: {}", event.getStateTransition()));
    }

    /**
     * Runs {@code attempt} under the guards. Throws {@link CapacityExceededException} when no slot frees up in
     * time, and {@link ReplyUnavailableException} when the circuit is open or the last attempt failed.
     */
    <T> T call(Deadline deadline, Supplier<T> attempt) {
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, Retry.decorateSupplier(retryWithin(deadline),
                CircuitBreaker.decorateSupplier(circuitBreaker, attempt)));
        try {
            return guarded.get();
        } catch (BulkheadFullException e) {
            log.warn("All {} LLM slots are busy; refusing a reply", bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
            throw new CapacityExceededException("Too many replies are being generated; try again shortly",
                    SLOT_RETRY_AFTER);
        } catch (CallNotPermittedException e) {
            throw unavailable("the circuit breaker is open after repeated LLM failures", e);
        } catch (CombotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable("the LLM call failed: " + UpstreamFailures.describe(e), e);
        }
    }

    CircuitState circuitState() {
        return switch (circuitBreaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
        };
    }

    long retries() {
        return retries.sum();
    }

    /** A retry that gives up when the wait the server asks for, or the next backoff, would pass the deadline. */
    private <T> Retry retryWithin(Deadline deadline) {
        RetryConfig config = RetryConfig.<T>custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(failure -> UpstreamFailures.isTransient(failure)
                        && UpstreamFailures.retryAfter(failure).orElse(FIRST_BACKOFF)
                                .compareTo(deadline.remaining()) < 0)
                .intervalBiFunction((attempts, outcome) -> waitMillis(attempts,
                        outcome.isLeft() ? outcome.getLeft() : null, deadline))
                .build();
        return Retry.of("llm", config);
    }

    /** The next backoff, or the server's {@code Retry-After} when longer, cut to what is left of the deadline. */
    private long waitMillis(int attempts, Throwable failure, Deadline deadline) {
        Duration wait = failure == null ? Duration.ZERO : UpstreamFailures.retryAfter(failure).orElse(Duration.ZERO);
        long millis = Math.min(Math.max(wait.toMillis(), backoff.apply(attempts)), deadline.remaining().toMillis());
        retries.increment();
        log.info("LLM attempt {} failed ({}); retrying in {} ms", attempts,
                failure == null ? "no exception" : UpstreamFailures.describe(failure), millis);
        return millis;
    }

    private static ReplyUnavailableException unavailable(String reason, RuntimeException cause) {
        log.warn("No LLM reply: {}", reason);
        return new ReplyUnavailableException("No LLM reply: " + reason, cause);
    }
}
