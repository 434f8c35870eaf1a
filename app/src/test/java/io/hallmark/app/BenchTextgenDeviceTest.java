package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench textgen --device}: a device that is not one is refused, and a GPU asked for on a machine where
 * PyTorch sees none is refused naming why, before any model is written or loaded (never measured on the CPU under
 * a GPU's name).
 */
class BenchTextgenDeviceTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aDeviceThatIsNotOneAndAGpuThatIsNotThereAreRefused() {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
        String models = TestPaths.sharedDir().resolve("models").toString();
        StringWriter err = new StringWriter();
        assertThat(run(err, "bench", "textgen", "--device", "tpu", "--data-dir", dir.toString(), "--models-dir", models))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--device tpu: Device 'tpu' is not one of auto, cpu, gpu, gpu:N");

        org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() == 0,
                "PyTorch sees a GPU here");
        err = new StringWriter();
        assertThat(run(err, "bench", "textgen", "--device", "gpu", "--data-dir", dir.toString(), "--models-dir", models))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--device gpu: Device 'gpu' was asked for but PyTorch")
                .contains("sees 0 GPU(s)");
    }
}
