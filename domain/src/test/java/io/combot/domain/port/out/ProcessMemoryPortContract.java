package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.MemoryUsage;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessMemoryPort} reports; each adapter and the double extend this once. */
public abstract class ProcessMemoryPortContract {
    protected abstract ProcessMemoryPort memory();

    @Test
    void theHeapInUseIsPositiveAndWithinItsLimit() {
        MemoryUsage usage = memory().memory();

        assertThat(usage.heapUsedBytes()).isPositive();
        usage.heapMaxBytes().ifPresent(max -> assertThat(usage.heapUsedBytes()).isLessThanOrEqualTo(max));
    }

    @Test
    void theResidentSetWhenKnownIsPositive() {
        MemoryUsage usage = memory().memory();

        usage.residentBytes().ifPresent(rss -> assertThat(rss).isPositive());
    }
}
