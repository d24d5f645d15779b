package io.combot.domain.port.out;

import io.combot.domain.model.CircuitState;

/** The test double of {@link LlmCircuitStatePort}: closed until told otherwise. */
public class SettableLlmCircuit implements LlmCircuitStatePort {
    private volatile CircuitState state = CircuitState.CLOSED;

    @Override
    public CircuitState circuitState() {
        return state;
    }

    public void set(CircuitState state) {
        this.state = state;
    }
}
