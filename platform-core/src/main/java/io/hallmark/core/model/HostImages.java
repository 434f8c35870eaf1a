package io.hallmark.core.model;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ModelInfo;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.diffusion.DiffusionModelException;
import io.hallmark.imagegen.diffusion.DiffusionPipeline;
import io.hallmark.imagegen.diffusion.DiffusionRequest;
import io.hallmark.imagegen.diffusion.OptimumLayout;
import io.hallmark.imagegen.encode.ImageEncoder;
import io.hallmark.imagegen.latent.LatentGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Draws one image with an ONNX image model on the host's shared ONNX sessions, for a plugin's
 * {@link io.hallmark.api.ModelLease#generateImage}: a Stable Diffusion export (Optimum layout) is denoised from the
 * prompt (stopping between steps once {@code cancelled} says so), any other single-file ONNX model is run as a latent
 * generator from the seed. Returns PNG bytes with the
 * prompt, seed and model in their text chunks.
 */
final class HostImages {

    /** Host-side bounds on one image; plugins that need other bounds check their own settings first. */
    static final int MAX_STEPS = 500;
    static final long MAX_PIXELS = 2048L * 2048;

    private HostImages() {}

    static byte[] generate(Path model, ModelInfo info, OnnxLoader loader, String prompt, Map<String, Object> options,
            BooleanSupplier cancelled) {
        long seed = (long) number(options, "seed", 0);
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("model", info.id());
        recorded.put("modelSha256", info.sha256());
        recorded.put("seed", Long.toString(seed));
        FloatImage image;
        if (Files.isDirectory(model) && OptimumLayout.isStableDiffusionFolder(model)) {
            int steps = (int) number(options, "steps", 20);
            int width = (int) number(options, "width", 0);
            int height = (int) number(options, "height", 0);
            if (steps < 1 || steps > MAX_STEPS) {
                throw InvalidRequestException.of("steps", "steps must be 1 to " + MAX_STEPS + ", not " + steps);
            }
            if (width < 0 || height < 0 || (long) width * height > MAX_PIXELS) {
                throw InvalidRequestException.of("width", "width x height must be at most " + MAX_PIXELS
                        + " pixels (0 keeps the model's own size), not " + width + " x " + height);
            }
            double guidance = number(options, "guidance", 7.5);
            String negative = String.valueOf(options.getOrDefault("negativePrompt", ""));
            DiffusionRequest request = DiffusionRequest.of(prompt).withNegativePrompt(negative).withSteps(steps)
                    .withGuidanceScale(guidance).withSeed(seed).withSize(width, height);
            try {
                image = DiffusionPipeline.open(OptimumLayout.read(model), loader, new GenerationLimits(1, MAX_STEPS,
                        1, MAX_PIXELS)).generate(request, step -> !cancelled.getAsBoolean()).image();
            } catch (io.hallmark.imagegen.diffusion.GenerationCancelledException e) {
                throw new GenerationCancelledException("Image generation with model '" + info.id() + "' stopped: the "
                        + "plugin call ended (" + e.getMessage() + ")");
            } catch (DiffusionModelException e) {
                throw new GenerationFailedException("Model '" + info.id() + "' cannot be run as Stable Diffusion: "
                        + e.getMessage(), false, e);
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("width", e.getMessage());
            }
            recorded.put("pipeline", "stable-diffusion");
            recorded.put("steps", Integer.toString(steps));
        } else {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException("Image generation with model '" + info.id() + "' not started: "
                        + "the plugin call ended");
            }
            try {
                image = LatentGenerator.open(model, loader, LatentGenerator.ValueRange.ZERO_TO_ONE).generate(seed, 1)
                        .getFirst();
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                throw new GenerationFailedException("Model '" + info.id() + "' at " + model + " is not an image model "
                        + "the host runs (a latent generator with one .onnx file, or a Stable Diffusion export with "
                        + "model_index.json): " + e.getMessage(), false, e);
            }
            recorded.put("pipeline", "latent");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("Title", "Hallmark host image model");
        metadata.put("Description", prompt.length() > 2_000 ? prompt.substring(0, 2_000) : prompt);
        recorded.forEach((k, v) -> metadata.put("hallmark:" + k, v));
        return ImageEncoder.png(image, metadata);
    }

    private static double number(Map<String, Object> options, String name, double fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw InvalidRequestException.of(name, "'" + name + "' must be a number, not '" + value + "'");
    }
}
