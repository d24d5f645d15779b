package io.combot.domain.port.out;

/** The double passes the contract its real adapters pass. */
class SettableLlmCircuitTest extends LlmCircuitStatePortContract {
    @Override
    protected LlmCircuitStatePort freshCircuit() {
        return new SettableLlmCircuit();
    }
}
