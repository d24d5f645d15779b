package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/** What an operator watches: memory, the LLM circuit and the traffic met so far, read at {@code at}. */
public record ServiceStatus(Instant at, MemoryUsage memory, CircuitState llmCircuit, ActivityCounts activity) {
    public ServiceStatus {
        InvalidInputException.require(at != null && memory != null && llmCircuit != null && activity != null,
                "A status has a time, the memory, the circuit state and the activity");
    }
}
