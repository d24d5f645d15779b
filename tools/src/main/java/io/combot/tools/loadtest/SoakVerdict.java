package io.combot.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak benchmark's verdicts over consecutive rounds, as figures beside their targets. Round 2 is the baseline
 * (round 1 includes the JIT's warm-up and the first allocation of pools and caches). The full benchmark holds every
 * target; the CI guard decides only on errors and a gross RSS regression, so that a noisy machine does not fail builds.
 */
final class SoakVerdict {
    enum Mode { FULL, GUARD }

    static final double RSS_GROWTH_TARGET = 0.05;
    static final double HEAP_GROWTH_TARGET = 0.05;
    static final double P99_RATIO_TARGET = 1.2;
    static final double PEAK_RSS_TARGET_BYTES = 512.0 * (1 << 20);
    static final double GUARD_RSS_GROWTH_LIMIT = 0.25;

    record Line(String text, boolean met, boolean decides) {
    }

    private SoakVerdict() {
    }

    static List<Line> judge(List<RoundResult> rounds, Mode mode) {
        RoundResult first = rounds.get(rounds.size() >= 2 ? 1 : 0);
        RoundResult last = rounds.get(rounds.size() - 1);
        boolean full = mode == Mode.FULL;
        List<Line> lines = new ArrayList<>();

        double rssGrowth = growth(first.residentSetBytes(), last.residentSetBytes());
        double rssLimit = full ? RSS_GROWTH_TARGET : GUARD_RSS_GROWTH_LIMIT;
        lines.add(new Line(String.format(Locale.ROOT, "RSS growth round %d -> %d: %+.1f%% (%.1f -> %.1f MB), %s %.0f%%",
                first.round(), last.round(), 100 * rssGrowth, mb(first.residentSetBytes()),
                mb(last.residentSetBytes()), full ? "target under" : "fails over", 100 * rssLimit),
                rssGrowth < rssLimit, true));

        double heapGrowth = growth(first.heapAfterGcBytes(), last.heapAfterGcBytes());
        lines.add(new Line(String.format(Locale.ROOT, "heap after GC growth round %d -> %d: %+.1f%% (%.1f -> %.1f MB), "
                        + "target under %.0f%%", first.round(), last.round(), 100 * heapGrowth,
                mb(first.heapAfterGcBytes()), mb(last.heapAfterGcBytes()), 100 * HEAP_GROWTH_TARGET),
                heapGrowth < HEAP_GROWTH_TARGET, full));

        double p99Ratio = first.p99Millis() > 0 ? last.p99Millis() / first.p99Millis() : Double.NaN;
        lines.add(new Line(String.format(Locale.ROOT, "p99 round %d / round %d: %.2f (%.1f ms / %.1f ms), "
                        + "target at most %.1f", last.round(), first.round(), p99Ratio, last.p99Millis(),
                first.p99Millis(), P99_RATIO_TARGET), p99Ratio <= P99_RATIO_TARGET, full));

        long requests = rounds.stream().mapToLong(RoundResult::requests).sum();
        long errors = rounds.stream().mapToLong(RoundResult::errors).sum();
        long unavailable = rounds.stream().mapToLong(RoundResult::unavailable).sum();
        lines.add(new Line(String.format(Locale.ROOT, "errors: %d of %d requests, %d of them 503, target 0", errors,
                requests, unavailable), errors == 0, true));

        double peak = rounds.stream().mapToDouble(round -> Math.max(round.peakResidentSetBytes(),
                round.residentSetBytes())).max().orElse(Double.NaN);
        lines.add(new Line(String.format(Locale.ROOT, "peak RSS: %.1f MB, target under %.0f MB", mb(peak),
                mb(PEAK_RSS_TARGET_BYTES)), peak < PEAK_RSS_TARGET_BYTES, full));
        return lines;
    }

    static boolean passed(List<Line> lines) {
        return lines.stream().allMatch(line -> line.met() || !line.decides());
    }

    static String describe(Line line) {
        return "verdict: " + line.text() + ": " + (line.met() ? "met" : "MISSED")
                + (line.decides() ? "" : " (not checked by the guard)");
    }

    private static double growth(double from, double to) {
        return from > 0 ? (to - from) / from : Double.NaN;
    }

    private static double mb(double bytes) {
        return bytes / (1 << 20);
    }
}
