package io.hallmark.app.bench;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.OnnxSignature;
import io.hallmark.imagegen.OnnxSignature.Tensor;
import io.hallmark.imagegen.diffusion.DiffusionImage;
import io.hallmark.imagegen.diffusion.DiffusionPipeline;
import io.hallmark.imagegen.diffusion.DiffusionRequest;
import io.hallmark.imagegen.diffusion.FloatTensor;
import io.hallmark.imagegen.GaussianNoise;
import io.hallmark.imagegen.diffusion.OptimumLayout;
import io.hallmark.imagegen.diffusion.scheduler.Scheduler;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-step latency of the Stable Diffusion pipeline (DJL's ONNX Runtime engine, classifier-free guidance, scheduler)
 * side by side with a loop that calls ONNX Runtime's own {@link OrtSession} on the same UNet file with the same
 * inputs, guidance and scheduler math, in one JVM; rounds alternate so load on a shared machine hits both. Reports
 * the overhead ratio, whole-image time, the largest difference between the two loops' final latents, and memory.
 */
public final class DiffusionBenchmark {

    /** What to run. */
    public record Settings(Path modelDir, int steps, int rounds, int width, int height, SchedulerKind scheduler) {}

    private static final String PROMPT = "a photo of an astronaut riding a horse on mars";
    private static final long SEED = 42;
    private static final float GUIDANCE = 7.5f;

    private final Settings settings;
    private final Consumer<String> progress;

    public DiffusionBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Map<String, Object> run() throws Exception {
        Engine.getEngine("OnnxRuntime"); // DJL makes the process's one OrtEnvironment; OrtSession below shares it
        long baseline = TextgenBenchmark.PeakMemory.resetAndRssKiB();
        OptimumLayout layout = OptimumLayout.read(settings.modelDir());
        List<AutoCloseable> owned = new ArrayList<>();
        OnnxLoader loader = file -> {
            var model = OnnxLoader.direct().load(file);
            owned.add(model);
            return model;
        };
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            progress.accept("loading " + settings.modelDir());
            long t0 = System.nanoTime();
            DiffusionPipeline pipeline = DiffusionPipeline.open(layout, loader, new GenerationLimits(1, 10_000, 1, Long.MAX_VALUE));
            double loadMs = (System.nanoTime() - t0) / 1e6;
            DiffusionRequest request = DiffusionRequest.of(PROMPT).withSteps(settings.steps()).withSeed(SEED)
                    .withGuidanceScale(GUIDANCE).withSize(settings.width(), settings.height())
                    .withScheduler(settings.scheduler());
            List<Tensor> unetInputs = List.of(pipeline.unetSample(), pipeline.unetTimestep());
            if (pipeline.unetSample().elementType() != OnnxSignature.FLOAT) {
                throw new IllegalArgumentException("The direct ONNX Runtime baseline feeds float32 latents; this UNet takes "
                        + pipeline.unetSample() + ". Benchmark a float32 export (optimum-cli without --dtype fp16).");
            }
            FloatTensor hidden = pipeline.encodeText("", PROMPT);

            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(
                    settings.modelDir().resolve("unet/model.onnx").toString(), new OrtSession.SessionOptions())) {
                long afterLoad = TextgenBenchmark.PeakMemory.peakKiB();
                DirectLoop direct = new DirectLoop(session, layout, pipeline.unetTimestep(), hidden);
                progress.accept("warm-up");
                DiffusionImage warm = pipeline.generate(request);
                direct.run(request, warm);
                List<Long> oursSteps = new ArrayList<>();
                List<Long> directSteps = new ArrayList<>();
                List<Long> oursImages = new ArrayList<>();
                List<Long> directImages = new ArrayList<>();
                float maxDiff = 0;
                for (int r = 0; r < settings.rounds(); r++) {
                    progress.accept("round " + (r + 1) + " of " + settings.rounds());
                    long[] last = {System.nanoTime()};
                    long start = last[0];
                    DiffusionImage image = pipeline.generate(request, step -> {
                        long now = System.nanoTime();
                        oursSteps.add(now - last[0]);
                        last[0] = now;
                        return true;
                    });
                    oursImages.add(System.nanoTime() - start);
                    // the first step's time includes the text encoder: measure from the first UNet call instead
                    oursSteps.set(oursSteps.size() - image.timesteps().length, null);
                    long s2 = System.nanoTime();
                    float[] latents = direct.run(request, image);
                    directImages.add(System.nanoTime() - s2);
                    directSteps.addAll(direct.lastStepNanos);
                    maxDiff = Math.max(maxDiff, maxAbsDiff(latents, image.latents().data()));
                }
                oursSteps.removeIf(java.util.Objects::isNull);
                Stats ours = Stats.ofNanos(oursSteps.stream().mapToLong(Long::longValue).toArray());
                Stats theirs = Stats.ofNanos(directSteps.stream().mapToLong(Long::longValue).toArray());
                result.put("model", settings.modelDir().toString());
                result.put("unetInputs", unetInputs.stream().map(Tensor::toString).toList());
                result.put("scheduler", warm.scheduler().name().toLowerCase(java.util.Locale.ROOT));
                result.put("steps", settings.steps());
                result.put("unetCallsPerImage", warm.timesteps().length);
                result.put("size", warm.width() + "x" + warm.height());
                result.put("guidance", "batch 2 (cond + uncond) per UNet call, scale " + GUIDANCE);
                result.put("rounds", settings.rounds());
                result.put("cpus", Runtime.getRuntime().availableProcessors());
                result.put("pipelineLoadMillis", round(loadMs));
                result.put("hallmarkStepMicros", ours.toMap());
                result.put("ortDirectStepMicros", theirs.toMap());
                result.put("stepOverheadRatioP50", round(ours.p50Micros() / theirs.p50Micros()));
                result.put("stepOverheadRatioMean", round(ours.meanMicros() / theirs.meanMicros()));
                result.put("hallmarkImageMillisP50", round(Stats.ofNanos(toArray(oursImages)).p50Micros() / 1000));
                result.put("ortDirectDenoiseMillisP50", round(Stats.ofNanos(toArray(directImages)).p50Micros() / 1000));
                result.put("finalLatentsMaxAbsDiff", maxDiff);
                result.put("peakRssAboveBaselineMiB", (TextgenBenchmark.PeakMemory.peakKiB() - baseline) / 1024);
                result.put("peakRssAfterLoadingMiB", Math.max(0, afterLoad - baseline) / 1024);
                result.put("memory", Memory.snapshot());
                result.put("note", "hallmark step = UNet call through DJL + guidance + scheduler step + listener; "
                        + "ortDirect step = OnnxTensor creation + OrtSession.run + copy-out + the same guidance and "
                        + "scheduler math; image time includes tokenizer, text encoder and VAE decoder");
            }
        } finally {
            for (AutoCloseable c : owned) {
                c.close();
            }
        }
        return result;
    }

    /** The denoising loop written directly against ONNX Runtime's Java API. */
    private static final class DirectLoop {
        private final OrtSession session;
        private final OptimumLayout layout;
        private final Tensor timestep;
        private final FloatTensor hidden;
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        final List<Long> lastStepNanos = new ArrayList<>();

        DirectLoop(OrtSession session, OptimumLayout layout, Tensor timestep, FloatTensor hidden) {
            this.session = session;
            this.layout = layout;
            this.timestep = timestep;
            this.hidden = hidden;
        }

        float[] run(DiffusionRequest request, DiffusionImage reference) throws OrtException {
            lastStepNanos.clear();
            DiffusionRequest r = reference.request();
            Scheduler scheduler = reference.scheduler().create(layout.scheduler(), r.steps());
            int f = layout.vaeScaleFactor();
            long[] shape = {2, layout.latentChannels(), r.height() / f, r.width() / f};
            int n = (int) (shape[1] * shape[2] * shape[3]);
            float[] latents = new GaussianNoise(r.seed()).nextFloats(n, scheduler.initNoiseSigma());
            double[] timesteps = scheduler.timesteps();
            for (int i = 0; i < timesteps.length; i++) {
                long t0 = System.nanoTime();
                float[] input = scheduler.scaleModelInput(latents, i);
                float[] both = new float[2 * n];
                System.arraycopy(input, 0, both, 0, n);
                System.arraycopy(input, 0, both, n, n);
                float[] out;
                try (OnnxTensor sample = OnnxTensor.createTensor(env, FloatBuffer.wrap(both), shape);
                        OnnxTensor t = timestepTensor(timesteps[i]);
                        OnnxTensor ehs = OnnxTensor.createTensor(env, FloatBuffer.wrap(hidden.data()), hidden.shape());
                        OrtSession.Result result = session.run(Map.of("sample", sample, "timestep", t,
                                "encoder_hidden_states", ehs))) {
                    FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    out = new float[buffer.remaining()];
                    buffer.get(out);
                }
                float[] noise = new float[n];
                for (int k = 0; k < n; k++) {
                    noise[k] = out[k] + GUIDANCE * (out[n + k] - out[k]);
                }
                latents = scheduler.step(noise, i, latents);
                lastStepNanos.add(System.nanoTime() - t0);
            }
            return latents;
        }

        private OnnxTensor timestepTensor(double t) throws OrtException {
            long[] shape = timestep.rank() == 0 ? new long[0] : new long[] {1};
            if (timestep.elementType() == OnnxSignature.INT64) {
                return OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {Math.round(t)}), shape);
            }
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {(float) t}), shape);
        }
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
