package io.hallmark.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench textgen}'s memory figures: the peak resident set above a settled baseline, and that peak over the model
 * file's size, read from the kernel ({@code /proc/self/status}, so Linux only).
 */
class TextgenPeakMemoryTest {

    @TempDir
    Path temp;

    @Test
    void memoryTouchedAfterTheBaselineIsCountedAndSetAgainstTheFileSize() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux's /proc");
        Path file = temp.resolve("model.gguf");
        Files.write(file, new byte[32 << 20]);
        long baseline = TextgenBenchmark.PeakMemory.settleResetAndRssKiB();
        assertThat(baseline).isPositive();
        ByteBuffer touched = ByteBuffer.allocateDirect(64 << 20); // native memory, outside any heap already resident
        for (int i = 0; i < touched.capacity(); i += 4096) {
            touched.put(i, (byte) 1);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        TextgenBenchmark.PeakMemory.put(r, baseline, file);
        assertThat(touched.get(4096)).isEqualTo((byte) 1);
        assertThat(r.get("baselineRssMiB")).isEqualTo(baseline / 1024);
        long above = (Long) r.get("peakRssAboveBaselineMiB");
        assertThat(above).as("64 MiB written after the baseline").isGreaterThanOrEqualTo(63);
        double ratio = (Double) r.get("peakRssAboveBaselinePerFileByte");
        assertThat(ratio).as("over a 32 MiB file").isGreaterThanOrEqualTo(1.95).isCloseTo(above / 32.0, org.assertj.core.data.Offset.offset(0.05));
    }
}
