package io.hallmark.imagegen.diffusion;

import ai.djl.inference.Predictor;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.GaussianNoise;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.OnnxSignature.Tensor;
import io.hallmark.imagegen.diffusion.scheduler.Scheduler;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Text-to-image with Stable Diffusion in the Hugging Face Optimum ONNX layout: CLIP tokenization, the text encoder,
 * the UNet denoising loop with classifier-free guidance under a scheduler computed from the model's scheduler
 * config, and the VAE decoder. Input names, element types and ranks are read from each ONNX file, so exports of
 * every Optimum version run unchanged; cond and uncond share one UNet call where the UNet takes a batch.
 *
 * <p>Models come from an {@link OnnxLoader} and are not closed here (the loader owns them). A pipeline is
 * thread-safe: each {@link #generate} call makes its own predictors and scheduler.
 */
public final class DiffusionPipeline {

    private final OptimumLayout layout;
    private final GenerationLimits limits;
    private final ClipTokenizer tokenizer;
    private final TextEncoder textEncoder;
    private final Unet unet;
    private final VaeDecoder vaeDecoder;

    private DiffusionPipeline(OptimumLayout layout, GenerationLimits limits, ClipTokenizer tokenizer,
            TextEncoder textEncoder, Unet unet, VaeDecoder vaeDecoder) {
        this.layout = layout;
        this.limits = limits;
        this.tokenizer = tokenizer;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
    }

    /**
     * Opens the model folder {@code layout} describes, loading its three ONNX models through {@code loader}.
     *
     * @param limits the most steps ({@code maxSteps}) and pixels ({@code maxPixels}) a request may ask for
     *
     * @throws DiffusionModelException if a file is missing or an ONNX file's inputs are not the expected ones
     */
    public static DiffusionPipeline open(OptimumLayout layout, OnnxLoader loader, GenerationLimits limits) {
        ClipTokenizer tokenizer;
        try {
            tokenizer = ClipTokenizer.read(layout.dir().resolve("tokenizer"));
        } catch (IOException | RuntimeException e) {
            throw new DiffusionModelException("Cannot read the tokenizer of " + layout.dir() + ": " + e.getMessage(), e);
        }
        TextEncoder text = new TextEncoder(OnnxComponent.load("text_encoder",
                layout.dir().resolve("text_encoder/model.onnx"), loader, TextEncoder.INPUTS));
        Unet unet = new Unet(OnnxComponent.load("unet", layout.dir().resolve("unet/model.onnx"), loader,
                Unet.INPUTS));
        VaeDecoder vae = new VaeDecoder(OnnxComponent.load("vae_decoder",
                layout.dir().resolve("vae_decoder/model.onnx"), loader, VaeDecoder.INPUTS));
        return new DiffusionPipeline(layout, limits, tokenizer, text, unet, vae);
    }

    public OptimumLayout layout() {
        return layout;
    }

    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    /** The UNet's {@code sample} input as its file declares it, e.g. {@code sample float32[-1, 4, -1, -1]}. */
    public Tensor unetSample() {
        return unet.sampleSpec();
    }

    /** The UNet's {@code timestep} input as its file declares it: {@code timestep float32[]} or {@code int64[-1]}. */
    public Tensor unetTimestep() {
        return unet.timestepSpec();
    }

    /** The text encoder's {@code last_hidden_state} for each prompt, {@code [n, 77, hidden]}. */
    public FloatTensor encodeText(String... prompts) {
        int[][] ids = new int[prompts.length][];
        for (int i = 0; i < prompts.length; i++) {
            ids[i] = tokenizer.encode(prompts[i]);
        }
        return textEncoder.encode(ids).lastHiddenState();
    }

    /** The text encoder's two outputs for explicit ids (for tests and tools). */
    public FloatTensor[] encodeIds(int[]... ids) {
        TextEncoder.Encoding e = textEncoder.encode(ids);
        return new FloatTensor[] {e.lastHiddenState(), e.pooled()};
    }

    /** One UNet call: the predicted noise for {@code latents [b, c, h, w]} at {@code timestep}. */
    public FloatTensor predictNoise(FloatTensor latents, double timestep, FloatTensor hiddenStates) {
        try (Predictor<List<OnnxComponent.Feed>, Map<String, FloatTensor>> p = unet.newPredictor()) {
            return unet.predict(p, latents, timestep, hiddenStates);
        }
    }

    /** Generates one image; see {@link #generate(DiffusionRequest, StepListener)}. */
    public DiffusionImage generate(DiffusionRequest request) {
        return generate(request, StepListener.NONE);
    }

    /**
     * Generates one image.
     *
     * @param listener called after every step; returning false cancels
     * @throws IllegalArgumentException if the size is not a multiple of 8, or steps or pixels exceed the limits
     * @throws GenerationCancelledException if the listener cancelled or the thread was interrupted between steps
     */
    public DiffusionImage generate(DiffusionRequest request, StepListener listener) {
        DiffusionRequest resolved = resolve(request);
        SchedulerKind kind = resolved.scheduler();
        Scheduler scheduler = kind.create(layout.scheduler(), resolved.steps());
        double[] timesteps = scheduler.timesteps();
        boolean guided = resolved.guidanceScale() > 1.0;

        FloatTensor hidden = guided
                ? textEncoder.encode(tokenizer.encode(resolved.negativePrompt()), tokenizer.encode(resolved.prompt()))
                        .lastHiddenState()
                : textEncoder.encode(tokenizer.encode(resolved.prompt())).lastHiddenState();
        int f = layout.vaeScaleFactor();
        long[] latentShape = {1, layout.latentChannels(), resolved.height() / f, resolved.width() / f};
        int n = (int) (latentShape[1] * latentShape[2] * latentShape[3]);
        float[] latents = new GaussianNoise(resolved.seed()).nextFloats(n, scheduler.initNoiseSigma());

        try (Predictor<List<OnnxComponent.Feed>, Map<String, FloatTensor>> predictor = unet.newPredictor()) {
            for (int i = 0; i < timesteps.length; i++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new GenerationCancelledException(i, timesteps.length, "the thread was interrupted");
                }
                float[] input = scheduler.scaleModelInput(latents, i);
                float[] noise = guided
                        ? guidedNoise(predictor, new FloatTensor(latentShape, input), timesteps[i], hidden,
                                (float) resolved.guidanceScale())
                        : unet.predict(predictor, new FloatTensor(latentShape, input), timesteps[i], hidden).data();
                latents = scheduler.step(noise, i, latents);
                if (!listener.afterStep(new DiffusionStep(i + 1, timesteps.length, timesteps[i],
                        new FloatTensor(latentShape, latents)))) {
                    throw new GenerationCancelledException(i + 1, timesteps.length, "the step listener cancelled");
                }
            }
        }
        float[] scaled = new float[latents.length];
        for (int i = 0; i < latents.length; i++) {
            scaled[i] = (float) (latents[i] / layout.scalingFactor());
        }
        FloatTensor decoded = vaeDecoder.decode(new FloatTensor(latentShape, scaled));
        FloatImage rgb = FloatImage.fromPlanar(3, decoded.dim(3), decoded.dim(2), toUnitRange(decoded.data()), 0);
        return new DiffusionImage(rgb, resolved, kind, timesteps, new FloatTensor(latentShape, latents));
    }

    /** {@code uncond + g * (cond - uncond)}, from one batch-2 call or two batch-1 calls. */
    private float[] guidedNoise(Predictor<List<OnnxComponent.Feed>, Map<String, FloatTensor>> predictor,
            FloatTensor latents, double t, FloatTensor hidden, float g) {
        float[] uncond;
        float[] cond;
        if (unet.batchesGuidance()) {
            FloatTensor both = unet.predict(predictor, FloatTensor.stack(latents.slice(0), latents.slice(0)), t, hidden);
            uncond = both.slice(0).data();
            cond = both.slice(1).data();
        } else {
            uncond = unet.predict(predictor, latents, t, hidden.slice(0).batchOfOne()).data();
            cond = unet.predict(predictor, latents, t, hidden.slice(1).batchOfOne()).data();
        }
        float[] out = new float[uncond.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = uncond[i] + g * (cond[i] - uncond[i]);
        }
        return out;
    }

    /** Fills in the defaults and checks the request against the model and the limits. */
    DiffusionRequest resolve(DiffusionRequest request) {
        int width = request.width() == 0 ? layout.defaultSize() : request.width();
        int height = request.height() == 0 ? layout.defaultSize() : request.height();
        int f = layout.vaeScaleFactor();
        for (var side : List.of(Map.entry("width", width), Map.entry("height", height))) {
            if (side.getValue() % f != 0) {
                int v = side.getValue();
                throw new IllegalArgumentException(side.getKey() + " " + v + " is not a multiple of " + f
                        + ": Stable Diffusion needs width and height in multiples of " + f
                        + " (the VAE's downsampling factor); try " + Math.max(f, v / f * f) + " or " + (v / f + 1) * f);
            }
        }
        if ((long) width * height > limits.maxPixels()) {
            throw new IllegalArgumentException("Image size " + width + "x" + height + " exceeds the configured limit of "
                    + limits.maxPixels() + " pixels");
        }
        if (request.steps() > limits.maxSteps()) {
            throw new IllegalArgumentException("steps " + request.steps() + " exceeds the configured limit of "
                    + limits.maxSteps() + " steps; ask for at most " + limits.maxSteps());
        }
        Tensor sample = unet.sampleSpec();
        long fixedH = sample.dims().get(2);
        long fixedW = sample.dims().get(3);
        if ((fixedH > 0 && fixedH != height / f) || (fixedW > 0 && fixedW != width / f)) {
            throw new IllegalArgumentException("This UNet was exported for a fixed size of " + fixedW * f + "x" + fixedH * f
                    + " pixels (sample " + sample + "); asked for " + width + "x" + height);
        }
        SchedulerKind kind = request.scheduler() != null ? request.scheduler() : SchedulerKind.ofConfig(layout.scheduler());
        return new DiffusionRequest(request.prompt(), request.negativePrompt(), request.steps(), request.guidanceScale(),
                request.seed(), width, height, kind);
    }

    /** VAE output in [-1, 1] to [0, 1]: {@code clamp(x / 2 + 0.5)}, in float as the reference pipelines compute it. */
    private static float[] toUnitRange(float[] data) {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = Math.max(0f, Math.min(1f, data[i] / 2f + 0.5f));
        }
        return out;
    }
}
