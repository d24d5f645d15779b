package io.combot.adapter.out.llm;

import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Reports the LLM circuit breaker's state. Never a reason to be not-ready: while the circuit is open the fallback
 * reply answers, so taking the instance out of service would only make matters worse.
 */
final class LlmHealthAdapter implements HealthCheckPort {
    static final String NAME = "llm";

    private final GenerateReplyPort generator;

    LlmHealthAdapter(GenerateReplyPort generator) {
        this.generator = generator;
    }

    @Override
    public ComponentHealth check() {
        if (!(generator instanceof OpenAiReplyAdapter llm)) {
            return ComponentHealth.optional(NAME, true, "offline responder (no LLM configured)");
        }
        CircuitBreaker.State state = llm.circuitState();
        return switch (state) {
            case CLOSED -> ComponentHealth.optional(NAME, true, "circuit closed");
            case HALF_OPEN -> ComponentHealth.optional(NAME, false, "circuit half-open: probing the LLM again");
            default -> ComponentHealth.optional(NAME, false, "circuit " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " after repeated LLM failures: the fallback reply answers");
        };
    }
}
