package io.hallmark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuProbeTest {

    @TempDir
    Path tmp;

    @Test
    void readsNvidiaSmiCsvAndSkipsBoardsThatReportNothing() {
        List<GpuProbe.GpuReading> readings = GpuProbe.parse("""
                0, NVIDIA H200, 87, 40960, 143771
                1, NVIDIA H200, [N/A], [N/A], 143771
                """);
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("NVIDIA H200");
            assertThat(r.utilisation()).isEqualTo(87.0);
            assertThat(r.memoryUsedBytes()).isEqualTo(40960L * 1024 * 1024);
            assertThat(r.memoryRatio()).isBetween(0.28, 0.29);
        });
    }

    @Test
    void aToolThatFailsIsAskedOnceAndAMachineWithoutOneReportsNoGpu() throws Exception {
        Path counter = tmp.resolve("calls");
        Path tool = tmp.resolve("nvidia-smi");
        Files.writeString(tool, "#!/bin/sh\necho x >> " + counter + "\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        GpuProbe failing = new GpuProbe(List.of(tool.toString()));

        assertThat(failing.read()).isEmpty();
        assertThat(failing.read()).isEmpty();
        assertThat(Files.readAllLines(counter)).hasSize(1);
        assertThat(new GpuProbe(List.of()).busiest()).isEmpty();
    }

    @Test
    void aWorkingToolIsReadAndItsReadingReusedForAWhile() throws Exception {
        Path counter = tmp.resolve("calls");
        Path tool = tmp.resolve("nvidia-smi");
        Files.writeString(tool, "#!/bin/sh\necho x >> " + counter + "\necho '0, Test GPU, 12, 1024, 2048'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        GpuProbe probe = new GpuProbe(List.of(tool.toString()));

        assertThat(probe.busiest()).get().satisfies(r -> assertThat(r.memoryRatio()).isEqualTo(0.5));
        assertThat(probe.read()).hasSize(1);
        assertThat(Files.readAllLines(counter)).hasSize(1);
    }
}
