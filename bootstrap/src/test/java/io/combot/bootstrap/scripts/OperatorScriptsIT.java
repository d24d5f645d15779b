package io.combot.bootstrap.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/combot start|status|loadtest|monitor|restart|stop} against the packaged service jar, run after
 * {@code package} by Failsafe. The tests share one background service and run in order, as an operator would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorScriptsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    @TempDir
    static Path work;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void start() throws Exception {
        Run started = combot("start");
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output()).contains("Combot is ready at http://127.0.0.1:");
    }

    @AfterAll
    static void stop() throws Exception {
        combot("stop");
        Path pidFile = work.resolve("combot.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Order(1)
    void statusPrintsPidUptimeHeapAndRss() throws Exception {
        Run status = combot("status");

        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("pid +" + pid())
                .containsPattern("uptime +[0-9:]+")
                .containsPattern("heap +[0-9.]+ MB used of [0-9.]+ MB max")
                .containsPattern("rss +[0-9.]+ MB")
                .containsPattern("ready +yes");
    }

    @Test
    @Order(2)
    void aShortLoadTestPrintsItsTableAndWritesCsvAndChart() throws Exception {
        Path out = work.resolve("loadtest");

        Run load = combot("loadtest", "--users", "3", "--duration", "2s", "--rounds", "2", "--out", out.toString());

        assertThat(load.exit()).as(load.output()).isZero();
        assertThat(load.output()).contains("round  requests  errors").containsPattern("(?m)^ +1 +[1-9][0-9]* +0 ")
                .containsPattern("(?m)^ +2 +[1-9][0-9]* +0 ");
        List<String> csv = Files.readAllLines(out.resolve("loadtest.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith(
                "round,requests,errors,throughput_rps,p50_ms,p95_ms,p99_ms,heap_after_gc_bytes,rss_bytes,");
        assertThat(csv.get(2).split(",")).hasSize(16).startsWith("2");
        String chart = Files.readString(out.resolve("loadtest.html"));
        assertThat(chart).contains("<svg", "<polyline", "heap after GC", "p99").doesNotContain("<script");
    }

    @Test
    @Order(3)
    void monitorPrintsALinePerIntervalAndExitsOnAnAlertWhenAsked() throws Exception {
        Run watched = combot("monitor", "--interval", "200ms", "--count", "2");
        Run alerted = combot("monitor", "--count", "1", "--heap-alert", "0%", "--exit-on-alert");

        assertThat(watched.exit()).as(watched.output()).isZero();
        assertThat(watched.output().lines().filter(line -> line.contains(" MB "))).hasSize(2);
        assertThat(alerted.exit()).isEqualTo(3);
        assertThat(alerted.output()).contains("ALERT heap at");
    }

    @Test
    @Order(4)
    void restartReplacesTheProcessAndStopEndsIt() throws Exception {
        long before = pid();

        Run restarted = combot("restart");
        long after = pid();
        Run stopped = combot("stop");
        Run status = combot("status");

        assertThat(restarted.exit()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("Combot stopped", "Combot is ready at");
        assertThat(after).isNotEqualTo(before);
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(stopped.exit()).as(stopped.output()).isZero();
        assertThat(stopped.output()).contains("Combot stopped");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.output()).contains("not running");
    }

    private static long pid() throws IOException {
        return Long.parseLong(Files.readString(work.resolve("combot.pid")).trim());
    }

    private static Run combot(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/combot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("COMBOT_"));
        environment.putAll(Map.of(
                "COMBOT_JAR", ROOT.resolve("bootstrap/target/combot.jar").toString(),
                "COMBOT_PID_FILE", work.resolve("combot.pid").toString(),
                "COMBOT_LOG_FILE", work.resolve("combot.log").toString(),
                "COMBOT_DATA_DIR", work.resolve("data").toString(),
                "COMBOT_PORT", "0"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/combot " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
