package io.combot.adapter.out.persistence;

import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.error.StorageUnavailableException.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator sees of storage faults: one log line per fault with its cause (the request id comes with the
 * logging context), a stack trace at most once a minute per distinct cause, {@code combot_storage_errors_total{cause}};
 * and whether writes are failing now, which readiness reports until a write succeeds again.
 */
final class StorageFaults {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);
    static final Duration TRACE_INTERVAL = Duration.ofMinutes(1);

    private final LongSupplier nanoTime;
    private final Map<String, Long> lastTraceAt = new ConcurrentHashMap<>();
    private volatile Map<Kind, Counter> counters = Map.of();
    private volatile boolean writesFailing;

    StorageFaults(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    StorageFaults() {
        this(System::nanoTime);
    }

    /** Registers the counter for every cause, so that a dashboard sees zeros before the first fault. */
    void trackMetrics(MeterRegistry registry) {
        Map<Kind, Counter> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, Counter.builder("combot_storage_errors")
                    .description("Storage operations that failed because the database was full, read-only, "
                            + "unreachable, failing its I/O, busy, or gave no connection in time")
                    .tag("cause", kind.label())
                    .register(registry));
        }
        counters = byKind;
    }

    void failed(StorageUnavailableException fault, boolean write) {
        if (write) {
            writesFailing = true;
        }
        Counter counter = counters.get(fault.kind());
        if (counter != null) {
            counter.increment();
        }
        String line = "Storage fault: {} ({}) on a {}; nothing of it was stored: {}";
        Object[] args = {fault.kind().label(), fault.code(), write ? "write" : "read", rootMessage(fault)};
        if (traceDue(fault.kind().label() + " " + fault.code())) {
            LOG.error(line + " (stack trace once a minute per cause)", append(args, fault.getCause()));
        } else {
            LOG.error(line, args);
        }
    }

    void writeSucceeded() {
        if (writesFailing) {
            writesFailing = false;
        }
    }

    /** True from a failed write until the next write succeeds. */
    boolean writesFailing() {
        return writesFailing;
    }

    private boolean traceDue(String cause) {
        long now = nanoTime.getAsLong();
        boolean[] due = {false};
        lastTraceAt.compute(cause, (key, last) -> {
            due[0] = last == null || now - last >= TRACE_INTERVAL.toNanos();
            return due[0] ? now : last;
        });
        return due[0];
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
