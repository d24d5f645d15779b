package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.time.Instant;

/** What an operator watches: memory and the LLM circuit, read at {@code at}. */
public record ServiceStatus(Instant at, MemoryUsage memory, CircuitState llmCircuit) {
    public ServiceStatus {
        InvalidInputException.require(at != null && memory != null && llmCircuit != null,
                "A status has a time, the memory and the circuit state");
    }
}
