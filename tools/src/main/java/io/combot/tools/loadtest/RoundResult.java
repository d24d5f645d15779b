package io.combot.tools.loadtest;

import java.util.Locale;

/**
 * One round's figures: the traffic it made, the server's peaks sampled during it, then its state read right after it
 * (after a full GC when the admin token is known). A figure the server does not report is NaN, shown as "-".
 */
record RoundResult(int round, long requests, long errors, long unavailable, long messages, double seconds,
                   double p50Millis, double p95Millis, double p99Millis, double heapAfterGcBytes,
                   double residentSetBytes, double peakResidentSetBytes, double openFiles, double threads,
                   double dbConnections, double peakDbActive) {
    static final String TABLE_HEADER = String.format(Locale.ROOT,
            "%5s %9s %7s %5s %9s %8s %8s %8s %14s %9s %9s %5s %7s %7s",
            "round", "requests", "errors", "503s", "req/s", "p50 ms", "p95 ms", "p99 ms", "heap-after-GC", "RSS",
            "peak RSS", "fds", "threads", "db conn");
    static final String CSV_HEADER = "round,requests,errors,throughput_rps,p50_ms,p95_ms,p99_ms,heap_after_gc_bytes,"
            + "rss_bytes,unavailable_503,messages_per_s,peak_rss_bytes,open_files,threads,db_connections,"
            + "db_active_peak";

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /** Chat messages answered (or texts classified) per second: requests without the session creations. */
    double messageThroughput() {
        return seconds > 0 ? messages / seconds : 0;
    }

    String tableRow() {
        return String.format(Locale.ROOT, "%5d %9d %7d %5d %9.1f %8.1f %8.1f %8.1f %11.1f MB %6.1f MB %6.1f MB %5s "
                        + "%7s %7s", round, requests, errors, unavailable, throughput(), p50Millis, p95Millis,
                p99Millis, heapAfterGcBytes / (1 << 20), residentSetBytes / (1 << 20), peakResidentSetBytes / (1 << 20),
                count(openFiles), count(threads), count(dbConnections) + "/" + count(peakDbActive));
    }

    /** The first nine columns are the original ones, so that older readers of the CSV keep working. */
    String csvRow() {
        return String.format(Locale.ROOT, "%d,%d,%d,%.2f,%.3f,%.3f,%.3f,%.0f,%.0f,%d,%.2f,%.0f,%s,%s,%s,%s", round,
                requests, errors, throughput(), p50Millis, p95Millis, p99Millis, heapAfterGcBytes, residentSetBytes,
                unavailable, messageThroughput(), peakResidentSetBytes, count(openFiles), count(threads),
                count(dbConnections), count(peakDbActive));
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
