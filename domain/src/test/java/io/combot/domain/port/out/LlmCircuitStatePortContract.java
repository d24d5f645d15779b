package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.CircuitState;
import org.junit.jupiter.api.Test;

/** What every {@link LlmCircuitStatePort} reports; each adapter and the double extend this once. */
public abstract class LlmCircuitStatePortContract {
    /** An adapter that has made no call yet. */
    protected abstract LlmCircuitStatePort freshCircuit();

    @Test
    void anAdapterThatMadeNoCallLetsCallsThroughOrHasNoCircuit() {
        assertThat(freshCircuit().circuitState()).isIn(CircuitState.CLOSED, CircuitState.NOT_USED);
    }

    @Test
    void theStateIsStableWhileNothingHappens() {
        LlmCircuitStatePort circuit = freshCircuit();

        assertThat(circuit.circuitState()).isEqualTo(circuit.circuitState());
    }
}
