package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The model comes from the bundled class path resource and loads with no network at all. */
class OfflineLoadTest {
    @Test
    void theTestsRunDjlOffline() {
        assertThat(Boolean.getBoolean("ai.djl.offline")).isTrue();
    }

    @Test
    void theModelVersionIsTheHashOfTheBundledModelAndHeadFiles() throws IOException {
        byte[] bundled;
        try (InputStream in = getClass().getResourceAsStream(MiniLmEncoder.MODEL_RESOURCE)) {
            bundled = in.readAllBytes();
        }
        String expected = ModelVersion.of(ModelVersion.sha256(bundled), BotSource.shipped().read(BotSource.HEAD).orElseThrow());

        assertThat(SharedBot.adapter().current().modelVersion()).isEqualTo(expected);
        assertThat(SharedBot.adapter().engineName()).isEqualTo(MiniLmEncoder.ENGINE);
    }

    @Test
    void theClassifierLoadsAndClassifiesInANetworkNamespaceWithNoNetwork() throws Exception {
        assumeTrue(canUnshareNetwork(), "unshare -n needs root and util-linux");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder("unshare", "-n", java.toString(), "-Dai.djl.offline=true",
                "-cp", classPath, OfflineCheck.class.getName())
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("offline: " + SharedBot.adapter().current().modelVersion())
                .contains("as greeting");
    }

    private static boolean canUnshareNetwork() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(List.of("unshare", "-n", "true")).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
