package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.ActivityCounts;
import io.combot.domain.model.CircuitState;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Route;
import io.combot.domain.model.MemoryUsage;
import io.combot.domain.model.ServiceStatus;
import io.combot.domain.port.out.FixedProcessMemory;
import io.combot.domain.port.out.SettableLlmCircuit;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final FixedProcessMemory memory = new FixedProcessMemory();
    private final SettableLlmCircuit circuit = new SettableLlmCircuit();
    private static final ActivityCounts COUNTS = new ActivityCounts(Map.of(Route.FAST_PATH, 3L, Route.LLM, 1L),
            Map.of(Intent.of("greeting"), 3L, Intent.UNKNOWN, 1L), 2, 1);

    @Test
    void theStatusIsTheMemoryAndTheCircuitNow() {
        MemoryUsage usage = new MemoryUsage(100, OptionalLong.of(1_000), OptionalLong.empty());
        memory.set(usage);
        circuit.set(CircuitState.OPEN);

        ServiceStatus status = new StatusService(memory, circuit, () -> COUNTS, clock).status();

        assertThat(status.at()).isEqualTo(clock.instant());
        assertThat(status.memory()).isEqualTo(usage);
        assertThat(status.llmCircuit()).isEqualTo(CircuitState.OPEN);
        assertThat(status.activity()).isEqualTo(COUNTS);
        assertThat(status.activity().messages()).isEqualTo(4);
        assertThat(status.activity().lowConfidenceMessages()).isEqualTo(1);
    }

    @Test
    void aCircuitThatCannotBeReadIsUnknownAndTheMemoryStillShows() {
        StatusService service = new StatusService(memory, () -> {
            throw new IllegalStateException("no circuit here");
        }, () -> COUNTS, clock);

        ServiceStatus status = service.status();

        assertThat(status.llmCircuit()).isEqualTo(CircuitState.UNKNOWN);
        assertThat(status.memory()).isEqualTo(memory.memory());
    }
}
