package io.combot.domain.port.out;

import io.combot.domain.model.CircuitState;

/** Tells whether the reply generator's LLM circuit lets calls through. */
public interface LlmCircuitStatePort {
    CircuitState circuitState();
}
