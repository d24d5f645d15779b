package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.port.out.ProcessMemoryPort;
import io.combot.domain.port.out.ProcessMemoryPortContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmProcessMemoryAdapterTest extends ProcessMemoryPortContract {
    @Override
    protected ProcessMemoryPort memory() {
        return new JvmProcessMemoryAdapter();
    }

    @Test
    void onLinuxTheResidentSetIsReadFromProc() {
        assertThat(Files.isReadable(Path.of("/proc/self/status"))).as("this test runs on Linux").isTrue();

        assertThat(new JvmProcessMemoryAdapter().memory().residentBytes()).isPresent();
    }

    @Test
    void theResidentSetIsTheVmRssLineInKibibytes(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmHWM:\t  999 kB\nVmRSS:\t  2048 kB\n");

        assertThat(new JvmProcessMemoryAdapter(status).memory().residentBytes()).hasValue(2048L * 1_024);
    }

    @Test
    void withoutProcTheResidentSetIsUnknownNotAnError(@TempDir Path dir) {
        JvmProcessMemoryAdapter withoutProc = new JvmProcessMemoryAdapter(dir.resolve("missing"));

        assertThat(withoutProc.memory().residentBytes()).isEmpty();
        assertThat(withoutProc.residentSetBytes()).isEqualTo(-1);
        assertThat(withoutProc.report()).containsEntry("residentSetBytes", -1L);
    }

    @Test
    void theStatusTheGaugeAndTheAdminReportReadTheSameResidentSet(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "VmRSS:\t  4096 kB\n");
        JvmProcessMemoryAdapter memory = new JvmProcessMemoryAdapter(status);

        assertThat(memory.memory().residentBytes()).hasValue(4096L * 1_024);
        assertThat(memory.residentSetBytes()).isEqualTo(4096L * 1_024);
        assertThat(memory.report()).containsEntry("residentSetBytes", 4096L * 1_024)
                .containsKeys("heapAfterGcBytes", "gcTimeMillis", "threads");
    }
}
