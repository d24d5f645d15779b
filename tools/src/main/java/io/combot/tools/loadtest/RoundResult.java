package io.combot.tools.loadtest;

import java.util.Locale;

/** One round's figures: the traffic it made, then the server's memory read right after it. */
record RoundResult(int round, long requests, long errors, double seconds, double p50Millis, double p95Millis,
                   double p99Millis, double heapAfterGcBytes, double residentSetBytes) {
    static final String TABLE_HEADER = String.format(Locale.ROOT, "%5s %9s %7s %9s %8s %8s %8s %14s %9s",
            "round", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "heap-after-GC", "RSS");
    static final String CSV_HEADER =
            "round,requests,errors,throughput_rps,p50_ms,p95_ms,p99_ms,heap_after_gc_bytes,rss_bytes";

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    String tableRow() {
        return String.format(Locale.ROOT, "%5d %9d %7d %9.1f %8.1f %8.1f %8.1f %11.1f MB %6.1f MB", round, requests,
                errors, throughput(), p50Millis, p95Millis, p99Millis, heapAfterGcBytes / (1 << 20),
                residentSetBytes / (1 << 20));
    }

    String csvRow() {
        return String.format(Locale.ROOT, "%d,%d,%d,%.2f,%.3f,%.3f,%.3f,%.0f,%.0f", round, requests, errors,
                throughput(), p50Millis, p95Millis, p99Millis, heapAfterGcBytes, residentSetBytes);
    }
}
