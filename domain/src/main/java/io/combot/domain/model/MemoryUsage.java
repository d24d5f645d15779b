package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.OptionalLong;

/**
 * The process's memory at one moment.
 *
 * @param heapMaxBytes  the most heap the JVM may use, empty when it has no limit
 * @param residentBytes the resident set size (RSS), empty where the operating system does not tell it
 */
public record MemoryUsage(long heapUsedBytes, OptionalLong heapMaxBytes, OptionalLong residentBytes) {
    public MemoryUsage {
        InvalidInputException.require(heapUsedBytes >= 0, "Heap used cannot be negative");
        InvalidInputException.require(heapMaxBytes != null && residentBytes != null,
                "An unknown heap limit or RSS is empty, not null");
        InvalidInputException.require(heapMaxBytes.orElse(0) >= 0 && residentBytes.orElse(0) >= 0,
                "Heap limit and RSS cannot be negative");
    }
}
