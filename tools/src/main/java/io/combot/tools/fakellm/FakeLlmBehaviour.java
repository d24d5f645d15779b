package io.combot.tools.fakellm;

import java.time.Duration;

/**
 * How the fake server answers. {@code reply} may contain {@code {user}}, replaced by the last user message;
 * {@code fault}, when not null, applies to every request; the rates draw a fault per request otherwise.
 */
public record FakeLlmBehaviour(
        String reply,
        Duration latency,
        Duration tokenLatency,
        double errorRate,
        double tooManyRequestsRate,
        Duration retryAfter,
        Fault fault) {

    public FakeLlmBehaviour {
        if (reply == null || reply.isBlank()) {
            throw new IllegalArgumentException("The fake reply must not be blank");
        }
        requireNonNegative(latency, "latency");
        requireNonNegative(tokenLatency, "token latency");
        requireNonNegative(retryAfter, "retry-after");
        requireRate(errorRate, "error rate");
        requireRate(tooManyRequestsRate, "429 rate");
        if (errorRate + tooManyRequestsRate > 1.0) {
            throw new IllegalArgumentException("The error rate and the 429 rate add up to more than 1");
        }
    }

    /** Answers at once with a short reply that quotes the user, no faults. */
    public static FakeLlmBehaviour defaults() {
        return new FakeLlmBehaviour("This is the fake model answering: {user}", Duration.ZERO, Duration.ZERO, 0, 0,
                Duration.ofSeconds(1), null);
    }

    public FakeLlmBehaviour withReply(String text) {
        return new FakeLlmBehaviour(text, latency, tokenLatency, errorRate, tooManyRequestsRate, retryAfter, fault);
    }

    public FakeLlmBehaviour withLatency(Duration delay) {
        return new FakeLlmBehaviour(reply, delay, tokenLatency, errorRate, tooManyRequestsRate, retryAfter, fault);
    }

    public FakeLlmBehaviour withTokenLatency(Duration delay) {
        return new FakeLlmBehaviour(reply, latency, delay, errorRate, tooManyRequestsRate, retryAfter, fault);
    }

    public FakeLlmBehaviour withErrorRate(double rate) {
        return new FakeLlmBehaviour(reply, latency, tokenLatency, rate, tooManyRequestsRate, retryAfter, fault);
    }

    public FakeLlmBehaviour withTooManyRequestsRate(double rate) {
        return new FakeLlmBehaviour(reply, latency, tokenLatency, errorRate, rate, retryAfter, fault);
    }

    public FakeLlmBehaviour withRetryAfter(Duration delay) {
        return new FakeLlmBehaviour(reply, latency, tokenLatency, errorRate, tooManyRequestsRate, delay, fault);
    }

    /** Every request gets {@code always} (null: none), e.g. a server that only ever hangs. */
    public FakeLlmBehaviour withFault(Fault always) {
        return new FakeLlmBehaviour(reply, latency, tokenLatency, errorRate, tooManyRequestsRate, retryAfter, always);
    }

    private static void requireNonNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("The " + name + " must be zero or more");
        }
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("The " + name + " must be between 0 and 1, not " + rate);
        }
    }
}
