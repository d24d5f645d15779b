package io.combot.bootstrap;

import io.combot.domain.model.MemoryUsage;
import io.combot.domain.port.out.ProcessMemoryPort;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap from the JVM, resident set size from Linux's {@code /proc/self/status}; elsewhere the RSS is simply unknown.
 * It lives in bootstrap because it reads the process itself, which is no adapter's technology.
 */
final class JvmProcessMemoryAdapter implements ProcessMemoryPort {
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB$");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Path procStatus;

    JvmProcessMemoryAdapter() {
        this(Path.of("/proc/self/status"));
    }

    JvmProcessMemoryAdapter(Path procStatus) {
        this.procStatus = procStatus;
    }

    @Override
    public MemoryUsage memory() {
        java.lang.management.MemoryUsage heap = memory.getHeapMemoryUsage();
        return new MemoryUsage(heap.getUsed(), heap.getMax() < 0 ? OptionalLong.empty() : OptionalLong.of(heap.getMax()),
                residentBytes());
    }

    private OptionalLong residentBytes() {
        try {
            Matcher rss = VM_RSS.matcher(Files.readString(procStatus));
            return rss.find() ? OptionalLong.of(Long.parseLong(rss.group(1)) * 1_024) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
