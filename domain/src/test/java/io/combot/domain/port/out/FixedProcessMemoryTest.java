package io.combot.domain.port.out;

/** The double passes the contract its real adapter passes. */
class FixedProcessMemoryTest extends ProcessMemoryPortContract {
    @Override
    protected ProcessMemoryPort memory() {
        return new FixedProcessMemory();
    }
}
