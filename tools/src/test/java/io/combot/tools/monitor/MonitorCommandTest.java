package io.combot.tools.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.tools.ops.ServiceProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorCommandTest {
    private static final ServiceProbe.Scrape SCRAPE = new ServiceProbe.Scrape("""
            # HELP jvm_memory_used_bytes The amount of used memory
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.097152E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 8388608.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1.0
            jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 1.048576E8
            process_resident_memory_bytes 3.145728E8
            http_server_requests_seconds_count{method="GET",uri="/api/v1/sessions/{sessionId}"} 7.0
            """);

    @Test
    void heapSumsTheHeapPoolsAndSkipsPoolsWithoutAMaximum() {
        assertThat(SCRAPE.heapUsedBytes()).isEqualTo(29_360_128);
        assertThat(SCRAPE.heapMaxBytes()).isEqualTo(104_857_600);
        assertThat(SCRAPE.sum("http_server_requests_seconds_count", "uri=\"/api/v1/sessions/{sessionId}\""))
                .isEqualTo(7);
        assertThat(SCRAPE.heapAfterGcBytes()).isNaN();
    }

    @Test
    void alertsFireAtTheirThresholdsOnly() {
        MonitorCommand.Options quiet = MonitorCommand.parse("--heap-alert", "50%", "--rss-alert", "1g");
        MonitorCommand.Options loud = MonitorCommand.parse("--heap-alert", "25%", "--rss-alert", "300m",
                "--exit-on-alert", "--interval", "2s", "--count", "3");

        assertThat(MonitorCommand.alerts(SCRAPE, quiet)).isEmpty();
        assertThat(MonitorCommand.alerts(SCRAPE, loud)).containsExactly("heap at 28.0% of max, threshold 25.0%",
                "RSS 300.0 MB, threshold 300.0 MB");
        assertThat(loud.exitOnAlert()).isTrue();
        assertThat(loud.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(loud.count()).isEqualTo(3);
    }

    @Test
    void unknownFlagsAndBadSizesAreRefused() {
        assertThatThrownBy(() -> MonitorCommand.parse("--rss-alert", "lots")).hasMessageContaining("512m");
        assertThatThrownBy(() -> MonitorCommand.parse("--verbose", "1")).hasMessageContaining("--verbose");
    }
}
