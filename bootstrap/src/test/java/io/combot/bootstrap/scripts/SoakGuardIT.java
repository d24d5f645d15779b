package io.combot.bootstrap.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI guard of the soak benchmark: {@code bench/soak --guard}, 3 rounds of 10 s, against the packaged jar. It fails
 * only on errors or a gross regression (RSS growth over 25% from round 2 to 3), so that a noisy machine does not fail
 * the build; the full benchmark is the evidence in the README. 16 users stay within the LLM bulkhead (16 slots), so a
 * slow, shared machine makes the rounds slower, not refused.
 */
class SoakGuardIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path out;

    @Test
    void threeShortRoundsHaveNoErrorAndNoGrossRssGrowth() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bench/soak").toString(), "--guard", "--rounds", "3",
                "--duration", "10s", "--users", "16", "--out", out.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("COMBOT_JAR", ROOT.resolve("bootstrap/target/combot.jar").toString());
        Process soak = builder.start();
        String output = new String(soak.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!soak.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            soak.destroyForcibly();
            throw new AssertionError("bench/soak did not finish:\n" + output);
        }
        System.out.println(output);

        assertThat(soak.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^ +3 +[1-9][0-9]* +0 +0 ")
                .containsPattern("verdict: RSS growth round 2 -> 3: [+-][0-9.]+% .*: met")
                .contains("verdict: errors: 0 of", "guard: passed");
        List<String> csv = Files.readAllLines(out.resolve("loadtest.csv"));
        assertThat(csv).hasSize(4);
        assertThat(Files.readString(out.resolve("loadtest.html"))).contains("<svg", "peak RSS");
    }
}
