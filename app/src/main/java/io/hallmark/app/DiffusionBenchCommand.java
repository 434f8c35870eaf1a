package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.app.bench.DiffusionBenchmark;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.imagegen.diffusion.OptimumLayout;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hallmark bench diffusion}: Stable Diffusion per-step latency against ONNX Runtime called directly. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = "Per-step latency of the Stable Diffusion pipeline on tiny-sd-onnx (or --model DIR) next to "
                + "ONNX Runtime's OrtSession on the same UNet in the same run: overhead ratio and memory.")
final class DiffusionBenchCommand extends PlatformCommand {

    @Option(names = "--model", paramLabel = "DIR",
            description = "A Stable Diffusion folder in the Optimum ONNX layout (default: <models-dir>/tiny-sd-onnx).")
    Path model;

    @Option(names = "--steps", defaultValue = "20", description = "Inference steps per image (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured images each way (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--size", defaultValue = "0", description = "Width and height in pixels, a multiple of 8 "
            + "(default: the model's, 64 for the fixture).")
    int size;

    @Option(names = "--scheduler", defaultValue = "ddim", description = "euler, ddim or pndm (default ${DEFAULT-VALUE}).")
    String scheduler;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || rounds < 1) {
            throw new IllegalArgumentException("--steps and --rounds must be at least 1");
        }
        System.setProperty("ai.djl.offline", "true");
        HallmarkConfig config = platform.load();
        Path dir = model != null ? model : config.modelsDir().resolve("tiny-sd-onnx");
        if (!OptimumLayout.isStableDiffusionFolder(dir)) {
            throw new HallmarkException("The benchmark needs a Stable Diffusion folder with a model_index.json at " + dir
                    + "; point --models-dir at a model directory holding tiny-sd-onnx/ (e.g. --models-dir ../shared/models) "
                    + "or pass --model DIR");
        }
        DiffusionBenchmark.Settings settings = new DiffusionBenchmark.Settings(dir, steps, rounds, size, size,
                SchedulerKind.parse(scheduler));
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result = new DiffusionBenchmark(settings, m -> {
            err.println("bench: " + m);
            err.flush();
        }).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result);
        } else {
            result.forEach((k, v) -> out.println(k + ": " + v));
        }
        out.flush();
        return 0;
    }
}
