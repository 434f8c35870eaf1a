package io.hallmark.app.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.latent.LatentGenerator;
import io.hallmark.imagegen.latent.Latents;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Images per second from the MNIST GAN generator three ways in one run, on the same model and the same latents:
 * <b>ONNX Runtime directly</b> ({@code OrtSession}, the peer), the <b>runtime</b> ({@link LatentGenerator} on the
 * ONNX model the host's model runtime loaded, through DJL), and the <b>plugin</b> (a call through the plugin host
 * to the bundled image generator: validation, lease, generation, PNG encoding with metadata). Ratios are against
 * the direct ONNX Runtime figure; memory is the process's after each part.
 */
public final class ImageBenchmark {

    /** What to run. */
    public record Settings(Path modelsDir, Path pluginsDir, Path workDir, int batch, int seconds) {}

    private final Settings settings;
    private final Consumer<String> progress;

    public ImageBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Map<String, Object> run() throws Exception {
        Path model = settings.modelsDir().resolve("mnist-gan");
        Path onnx = LatentGenerator.onnxFile(model);
        if (!Files.isDirectory(settings.pluginsDir()) || !Files.isRegularFile(settings.pluginsDir().resolve("image-generator.jar"))) {
            throw new HallmarkException("The image benchmark needs the bundled image generator at "
                    + settings.pluginsDir().resolve("image-generator.jar") + "; build the distribution (./mvnw -pl app -am package)");
        }
        int batch = settings.batch();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", "mnist-gan (" + onnx.getFileName() + ")");
        result.put("batch", batch);
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("javaVersion", Runtime.version().toString());
        result.put("memoryAtStart", Memory.snapshot());

        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, settings.workDir().resolve("data").toString());
        flags.put(ConfigKey.MODELS_DIR, settings.modelsDir().toString());
        flags.put(ConfigKey.BUNDLED_PLUGINS_DIR, settings.pluginsDir().toString());
        flags.put(ConfigKey.DEVICE, "cpu");
        HallmarkConfig config = new ConfigLoader(Map.of()).load(flags);
        try (Platform platform = Platform.start(config, "command")) {
            // the runtime: the host's ONNX loader, DJL predictor, latents to FloatImages
            progress.accept("runtime: LatentGenerator on the host model runtime's ONNX model");
            Map<String, Object> runtime;
            try (ModelLease lease = platform.models().lease(ModelRequirement.of("mnist-gan", "onnx"), "bench")) {
                OnnxLoader loader = lease.loaded(OnnxLoader.class).orElseThrow();
                LatentGenerator generator = LatentGenerator.open(lease.path(), loader, LatentGenerator.ValueRange.ZERO_TO_ONE);
                long[] seed = {0};
                runtime = measure(batch, () -> generator.generate(seed[0]++, batch));
                runtime.put("memory", Memory.snapshot());
            }
            // the peer: ONNX Runtime's own Java API on the same file and latents
            progress.accept("direct: ai.onnxruntime.OrtSession on " + onnx.getFileName());
            Map<String, Object> direct;
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    OrtSession session = env.createSession(onnx.toString(), options)) {
                String input = session.getInputNames().iterator().next();
                long[] seed = {0};
                direct = measure(batch, () -> {
                    List<float[]> z = Latents.noise(seed[0]++, batch, 64);
                    float[] flat = new float[batch * 64];
                    for (int i = 0; i < batch; i++) {
                        System.arraycopy(z.get(i), 0, flat, i * 64, 64);
                    }
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {batch, 64});
                            OrtSession.Result r = session.run(Map.of(input, tensor))) {
                        return ((OnnxTensor) r.get(0)).getFloatBuffer().remaining();
                    }
                });
                direct.put("memory", Memory.snapshot());
            }
            // the plugin: a call through the plugin host to the bundled image generator (includes PNG encoding)
            progress.accept("plugin: hallmark-image through the plugin host (PNG encoding included)");
            String pluginId = "hallmark-image";
            if (platform.plugins().find(pluginId).isEmpty()) {
                throw new HallmarkException("The bundled image generator '" + pluginId + "' did not load from "
                        + settings.pluginsDir());
            }
            long[] seed = {0};
            Map<String, Object> plugin = measure(batch, () -> {
                GeneratedContent c = platform.plugins().generate(pluginId, new GenerationRequest(Modality.IMAGE,
                        "a handwritten digit", Map.of("count", batch), seed[0]++), CallOptions.defaults("bench"));
                return c.artifact().length;
            });
            plugin.put("memory", Memory.snapshot());
            plugin.put("modelRuntime", platform.models().status().get("loaded"));

            double base = (Double) direct.get("imagesPerSecond");
            result.put("onnxRuntimeDirect", direct);
            result.put("runtime", runtime);
            result.put("plugin", plugin);
            result.put("runtimeOverDirect", round2(base / (Double) runtime.get("imagesPerSecond")));
            result.put("pluginOverDirect", round2(base / (Double) plugin.get("imagesPerSecond")));
            result.put("note", "ratios are direct images/s divided by the path's images/s (time overhead factor; 1.0 = none)");
        }
        return result;
    }

    /** Warms up for a second, then runs batches for the configured seconds; images/s and ms per batch. */
    private Map<String, Object> measure(int batch, Task task) throws Exception {
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            task.run();
        }
        long end = System.nanoTime() + settings.seconds() * 1_000_000_000L;
        long start = System.nanoTime();
        int batches = 0;
        while (System.nanoTime() < end || batches < 3) {
            task.run();
            batches++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batches", batches);
        m.put("imagesPerSecond", round1(batches * (double) batch / seconds));
        m.put("msPerBatch", round2(seconds * 1000 / batches));
        return m;
    }

    @FunctionalInterface
    private interface Task {
        Object run() throws Exception;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
