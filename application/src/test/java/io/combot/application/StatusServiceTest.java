package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.CircuitState;
import io.combot.domain.model.MemoryUsage;
import io.combot.domain.model.ServiceStatus;
import io.combot.domain.port.out.FixedProcessMemory;
import io.combot.domain.port.out.SettableLlmCircuit;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final FixedProcessMemory memory = new FixedProcessMemory();
    private final SettableLlmCircuit circuit = new SettableLlmCircuit();

    @Test
    void theStatusIsTheMemoryAndTheCircuitNow() {
        MemoryUsage usage = new MemoryUsage(100, OptionalLong.of(1_000), OptionalLong.empty());
        memory.set(usage);
        circuit.set(CircuitState.OPEN);

        ServiceStatus status = new StatusService(memory, circuit, clock).status();

        assertThat(status.at()).isEqualTo(clock.instant());
        assertThat(status.memory()).isEqualTo(usage);
        assertThat(status.llmCircuit()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aCircuitThatCannotBeReadIsUnknownAndTheMemoryStillShows() {
        StatusService service = new StatusService(memory, () -> {
            throw new IllegalStateException("no circuit here");
        }, clock);

        ServiceStatus status = service.status();

        assertThat(status.llmCircuit()).isEqualTo(CircuitState.UNKNOWN);
        assertThat(status.memory()).isEqualTo(memory.memory());
    }
}
