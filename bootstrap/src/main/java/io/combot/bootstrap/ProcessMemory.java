package io.combot.bootstrap;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures an operator watches for leaks: the heap that survived the last collection (what the live data needs,
 * unlike the heap in use, which saw-tooths with garbage) and the resident set size, read from {@code /proc}.
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** The heap the pools held right after their last collection; -1 before any collection. */
    static long heapAfterGcBytes() {
        long total = 0;
        boolean collected = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                total += afterGc.getUsed();
                collected |= afterGc.getUsed() > 0;
            }
        }
        return collected ? total : -1;
    }

    /** VmRSS of this process; -1 where {@code /proc} is missing (not Linux). */
    static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Everything the admin memory report and the tools show, in bytes, milliseconds and counts. */
    static Map<String, Object> report() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
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
