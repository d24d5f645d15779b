package io.combot.domain.port.out;

import io.combot.domain.model.MemoryUsage;
import java.util.OptionalLong;

/** The test double of {@link ProcessMemoryPort}: reports the usage it was last given. */
public class FixedProcessMemory implements ProcessMemoryPort {
    private volatile MemoryUsage usage = new MemoryUsage(64L << 20, OptionalLong.of(512L << 20),
            OptionalLong.of(300L << 20));

    @Override
    public MemoryUsage memory() {
        return usage;
    }

    public void set(MemoryUsage usage) {
        this.usage = usage;
    }
}
