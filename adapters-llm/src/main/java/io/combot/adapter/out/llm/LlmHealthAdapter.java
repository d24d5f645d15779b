package io.combot.adapter.out.llm;

import io.combot.domain.model.CircuitState;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.LlmCircuitStatePort;

/**
 * Reports the LLM circuit breaker's state. Never a reason to be not-ready: while the circuit is open the fallback
 * reply answers, so taking the instance out of service would only make matters worse.
 */
final class LlmHealthAdapter implements HealthCheckPort {
    static final String NAME = "llm";

    private final LlmCircuitStatePort circuit;

    LlmHealthAdapter(LlmCircuitStatePort circuit) {
        this.circuit = circuit;
    }

    @Override
    public ComponentHealth check() {
        CircuitState state = circuit.circuitState();
        return switch (state) {
            case NOT_USED -> ComponentHealth.optional(NAME, true, "offline responder (no LLM configured)");
            case CLOSED -> ComponentHealth.optional(NAME, true, "circuit closed");
            case HALF_OPEN -> ComponentHealth.optional(NAME, false, "circuit half-open: probing the LLM again");
            case OPEN -> ComponentHealth.optional(NAME, false,
                    "circuit open after repeated LLM failures: the fallback reply answers");
            case UNKNOWN -> ComponentHealth.optional(NAME, false, "circuit state unknown");
        };
    }
}
