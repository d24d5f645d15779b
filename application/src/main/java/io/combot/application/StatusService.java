package io.combot.application;

import io.combot.domain.model.CircuitState;
import io.combot.domain.model.ServiceStatus;
import io.combot.domain.port.in.ReadStatusUseCase;
import io.combot.domain.port.out.ActivityCountsPort;
import io.combot.domain.port.out.LlmCircuitStatePort;
import io.combot.domain.port.out.ProcessMemoryPort;
import java.time.Clock;

public class StatusService implements ReadStatusUseCase {
    private final ProcessMemoryPort memory;
    private final LlmCircuitStatePort llmCircuit;
    private final ActivityCountsPort activity;
    private final Clock clock;

    public StatusService(ProcessMemoryPort memory, LlmCircuitStatePort llmCircuit, ActivityCountsPort activity,
                         Clock clock) {
        this.memory = memory;
        this.llmCircuit = llmCircuit;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public ServiceStatus status() {
        return new ServiceStatus(clock.instant(), memory.memory(), circuitState(), activity.counts());
    }

    /** A circuit that cannot be read is reported as such: the rest of the status is still worth showing. */
    private CircuitState circuitState() {
        try {
            CircuitState state = llmCircuit.circuitState();
            return state == null ? CircuitState.UNKNOWN : state;
        } catch (RuntimeException e) {
            return CircuitState.UNKNOWN;
        }
    }
}
