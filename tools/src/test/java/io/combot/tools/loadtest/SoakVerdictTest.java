package io.combot.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {
    private static final double MB = 1 << 20;

    private static RoundResult round(int number, long errors, double p99, double heapMb, double rssMb) {
        return new RoundResult(number, 1000, errors, errors, 800, 10, 5, 20, p99, heapMb * MB, rssMb * MB,
                rssMb * MB + MB, 80, 60, 5, 3);
    }

    @Test
    void roundTwoIsTheBaselineAndEveryTargetIsStatedWithItsFigures() {
        List<RoundResult> rounds = List.of(round(1, 0, 90, 60, 300), round(2, 0, 40, 40, 400),
                round(3, 0, 44, 41, 404));

        List<SoakVerdict.Line> lines = SoakVerdict.judge(rounds, SoakVerdict.Mode.FULL);

        assertThat(lines).extracting(SoakVerdict::describe).containsExactly(
                "verdict: RSS growth round 2 -> 3: +1.0% (400.0 -> 404.0 MB), target under 5%: met",
                "verdict: heap after GC growth round 2 -> 3: +2.5% (40.0 -> 41.0 MB), target under 5%: met",
                "verdict: p99 round 3 / round 2: 1.10 (44.0 ms / 40.0 ms), target at most 1.2: met",
                "verdict: errors: 0 of 3000 requests, 0 of them 503, target 0: met",
                "verdict: peak RSS: 405.0 MB, target under 512 MB: met");
        assertThat(SoakVerdict.passed(lines)).isTrue();
    }

    @Test
    void theGuardIgnoresLatencyAndHeapDriftButFailsOnErrorsAndGrossRssGrowth() {
        List<RoundResult> noisy = List.of(round(1, 0, 90, 60, 300), round(2, 0, 40, 40, 400),
                round(3, 0, 400, 60, 480));
        List<RoundResult> leaking = List.of(round(1, 0, 90, 60, 300), round(2, 0, 40, 40, 400),
                round(3, 0, 40, 40, 520));
        List<RoundResult> failing = List.of(round(1, 2, 90, 60, 300), round(2, 0, 40, 40, 400),
                round(3, 0, 40, 40, 400));

        assertThat(SoakVerdict.passed(SoakVerdict.judge(noisy, SoakVerdict.Mode.GUARD))).isTrue();
        assertThat(SoakVerdict.passed(SoakVerdict.judge(noisy, SoakVerdict.Mode.FULL))).isFalse();
        assertThat(SoakVerdict.passed(SoakVerdict.judge(leaking, SoakVerdict.Mode.GUARD))).isFalse();
        assertThat(SoakVerdict.passed(SoakVerdict.judge(failing, SoakVerdict.Mode.GUARD))).isFalse();
    }
}
