package io.combot.bootstrap;

import io.combot.adapter.in.web.MemoryReporter;
import io.combot.domain.model.MemoryUsage;
import io.combot.domain.port.out.ProcessMemoryPort;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process's memory, read in one place for the status endpoint (through the port), the {@code /metrics} gauges
 * and the admin memory report: heap from the JVM, the heap that survived the last collection (what the live data
 * needs, unlike the heap in use, which saw-tooths with garbage) and the resident set size from Linux's
 * {@code /proc/self/status}; elsewhere the RSS is simply unknown. It lives in bootstrap because it reads the process
 * itself, which is no adapter's technology.
 */
final class JvmProcessMemoryAdapter implements ProcessMemoryPort, MemoryReporter {
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

    /** VmRSS of this process; empty where {@code /proc} is missing (not Linux). */
    OptionalLong residentBytes() {
        try {
            Matcher rss = VM_RSS.matcher(Files.readString(procStatus));
            return rss.find() ? OptionalLong.of(Long.parseLong(rss.group(1)) * 1_024) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** VmRSS, or -1 when unknown, as the gauge and the report show it. */
    long residentSetBytes() {
        return residentBytes().orElse(-1);
    }

    /** The heap the pools held right after their last collection; -1 before any collection. */
    long heapAfterGcBytes() {
        long total = 0;
        boolean collected = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            java.lang.management.MemoryUsage afterGc =
                    pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                total += afterGc.getUsed();
                collected |= afterGc.getUsed() > 0;
            }
        }
        return collected ? total : -1;
    }

    /** Everything the admin memory report and the tools show, in bytes, milliseconds and counts. */
    @Override
    public Map<String, Object> report() {
        java.lang.management.MemoryUsage heap = memory.getHeapMemoryUsage();
        java.lang.management.MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("pid", ProcessHandle.current().pid());
        report.put("uptimeMillis", ManagementFactory.getRuntimeMXBean().getUptime());
        report.put("heapUsedBytes", heap.getUsed());
        report.put("heapCommittedBytes", heap.getCommitted());
        report.put("heapMaxBytes", heap.getMax());
        report.put("heapAfterGcBytes", heapAfterGcBytes());
        report.put("nonHeapUsedBytes", nonHeap.getUsed());
        report.put("residentSetBytes", residentSetBytes());
        report.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        report.put("gcCount", gcCount);
        report.put("gcTimeMillis", gcMillis);
        return report;
    }
}
