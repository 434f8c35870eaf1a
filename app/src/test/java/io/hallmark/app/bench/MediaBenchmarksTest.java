package io.hallmark.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hallmark.core.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench image} and {@code bench video} on short runs: every path measured, ratios from the measured figures. */
class MediaBenchmarksTest {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
    }

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("unchecked")
    void theImageBenchmarkMeasuresOnnxRuntimeTheRuntimeAndThePluginOnTheSameModel() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path jar = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName().toString().startsWith("image-generator")
                        && p.toString().endsWith(".jar")).findFirst().orElseThrow();
        Files.copy(jar, plugins.resolve("image-generator.jar"));
        List<String> steps = new ArrayList<>();
        Map<String, Object> r = new ImageBenchmark(new ImageBenchmark.Settings(TestPaths.sharedDir().resolve("models"),
                plugins, Files.createDirectories(work.resolve("run")), 4, 1), steps::add).run();

        double direct = (Double) ((Map<String, Object>) r.get("onnxRuntimeDirect")).get("imagesPerSecond");
        double runtime = (Double) ((Map<String, Object>) r.get("runtime")).get("imagesPerSecond");
        double plugin = (Double) ((Map<String, Object>) r.get("plugin")).get("imagesPerSecond");
        assertThat(direct).isPositive();
        assertThat(runtime).isPositive();
        assertThat(plugin).isPositive();
        assertThat((Double) r.get("runtimeOverDirect")).isCloseTo(direct / runtime, within(0.01));
        assertThat((Double) r.get("pluginOverDirect")).isCloseTo(direct / plugin, within(0.01));
        assertThat(steps).hasSize(3);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) r.get("plugin")).get("modelRuntime"))
                .as("the plugin's model came from the host's runtime").singleElement()
                .satisfies(m -> assertThat(m).containsEntry("name", "mnist-gan").containsEntry("format", "onnx"));
    }

    @Test
    void theVideoBenchmarkRendersAndEncodesTheSameFramesEachWay() throws Exception {
        Map<String, Object> r = new VideoBenchmark(new VideoBenchmark.Settings(TestPaths.sharedDir().resolve("models"),
                work, 24, 64, 12), m -> { }).run();
        assertThat((Double) r.get("renderFramesPerSecond")).isPositive();
        assertThat((Double) r.get("mp4FramesPerSecond")).isPositive();
        assertThat((Double) r.get("gifFramesPerSecond")).isPositive();
        assertThat((Integer) r.get("mp4Bytes")).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> ffmpeg = (Map<String, Object>) r.get("ffmpegLibx264");
        assertThat(ffmpeg).as("either measured or skipped with the reason")
                .satisfiesAnyOf(m -> assertThat(m).containsKey("framesPerSecond"), m -> assertThat(m).containsKey("skipped"));
    }
}
