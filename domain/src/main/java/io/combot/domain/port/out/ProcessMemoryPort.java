package io.combot.domain.port.out;

import io.combot.domain.model.MemoryUsage;

/** Reads this process's memory: heap from the runtime, resident set size from the operating system. */
public interface ProcessMemoryPort {
    MemoryUsage memory();
}
