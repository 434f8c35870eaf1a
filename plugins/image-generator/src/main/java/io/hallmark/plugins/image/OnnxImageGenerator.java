package io.hallmark.plugins.image;

import io.hallmark.api.Capability;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.Usage;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.ScopedOnnxLoader;
import io.hallmark.imagegen.encode.GenerationRecord;
import io.hallmark.imagegen.encode.ImageEncoder;
import io.hallmark.imagegen.encode.ImageFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * Generates images with an ONNX model from the host's model directory (default {@code mnist-gan}, an MNIST GAN
 * generator: handwritten digits). The model is leased from the host's model runtime, which loads each ONNX file
 * once for every plugin; the pipeline is picked by the model's layout ({@link ImagePipelines}). A batch of
 * {@code count} images is rendered in one call and returned as one picture (a grid) whose PNG or JPEG metadata
 * records the prompt, seed, model and parameters. Limits come from the plugin settings ({@link GenerationLimits}).
 */
@Extension
public final class OnnxImageGenerator implements ContentGenerator {

    /** The default model: the MNIST GAN generator (a folder with one ONNX file). */
    public static final ModelRequirement DEFAULT_MODEL = ModelRequirement.of("mnist-gan", "onnx");

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("count", "images in the batch (returned as one grid picture)", 1, 1, 64),
            ParameterSpec.integer("width", "image width in pixels; 0 keeps the model's own size", 0, 0, 2048),
            ParameterSpec.integer("height", "image height in pixels; 0 keeps the model's own size", 0, 0, 2048),
            ParameterSpec.integer("steps", "denoising steps (diffusion models; latent generators take one)", 20, 1, 500),
            ParameterSpec.number("guidance", "classifier-free guidance scale (diffusion models)", 7.5, 1, 30),
            ParameterSpec.string("negativePrompt", "what the image should not show (diffusion models)", "", 2000),
            ParameterSpec.choice("format", "image file format", "png", Set.of("png", "jpeg")),
            ParameterSpec.string("model", "model name in the model directory", DEFAULT_MODEL.name(), 200),
            ParameterSpec.choice("valueRange", "a latent generator's output range", "0..1", Set.of("0..1", "-1..1")));

    private static final GeneratorInfo INFO = new GeneratorInfo("ONNX image generator",
            "Draws images with an ONNX image model run by the host's model runtime: GAN generators and VAE decoders "
                    + "(the default model draws handwritten digits; it is unconditional, so the prompt is recorded "
                    + "and governed but does not steer it). PNG or JPEG with the parameters in the file.",
            Modality.IMAGE, Set.of(Capability.DETERMINISTIC_SEED, Capability.CANCELLATION, Capability.PROGRESS),
            PARAMETERS, List.of(DEFAULT_MODEL));

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        context.checkCancelled();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        int count = intParameter(request, "count");
        int width = intParameter(request, "width");
        int height = intParameter(request, "height");
        int steps = intParameter(request, "steps");
        checkLimits(GenerationLimits.fromSettings(context.config()), count, width, height, steps);
        String name = request.parameter("model", String.class);
        ImageFormat format = ImageFormat.parse(request.parameter("format", String.class));
        ModelRequirement requirement = name.equals(DEFAULT_MODEL.name()) ? DEFAULT_MODEL : ModelRequirement.of(name, "onnx");
        long start = System.nanoTime();
        try (ModelLease lease = context.leaseModel(requirement);
                ScopedOnnxLoader fallback = new ScopedOnnxLoader()) {
            Optional<OnnxLoader> hosted = lease.loaded(OnnxLoader.class);
            ImagePipeline pipeline = ImagePipelines.forModel(lease.path());
            ImageJob job = new ImageJob(lease.path(), request.prompt(), request.parameter("negativePrompt", String.class),
                    seed, count, width, height, steps, request.parameter("guidance", Double.class),
                    request.parameter("valueRange", String.class));
            List<FloatImage> images = pipeline.render(job, hosted.isPresent() ? hosted.get() : fallback, context);
            context.checkCancelled();
            FloatImage picture = images.size() == 1 ? images.getFirst()
                    : FloatImage.grid(images, (int) Math.ceil(Math.sqrt(images.size())));
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("generator", "hallmark-image");
            recorded.put("pipeline", pipeline.kind());
            recorded.put("model", lease.info().id());
            recorded.put("modelSha256", lease.info().sha256());
            recorded.put("seed", seed);
            recorded.put("count", count);
            recorded.put("width", images.getFirst().width());
            recorded.put("height", images.getFirst().height());
            if (!pipeline.kind().equals("latent")) {
                recorded.put("steps", steps);
                recorded.put("guidance", job.guidance());
                recorded.put("negativePrompt", job.negativePrompt());
            }
            byte[] bytes = ImageEncoder.encode(picture, format,
                    GenerationRecord.metadata("Hallmark image generator", request.prompt(), recorded));
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Object> metadata = new LinkedHashMap<>(recorded);
            metadata.remove("generator");
            metadata.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
            metadata.put("runtime", hosted.isPresent() ? "host" : "plugin");
            metadata.put("caption", caption(pipeline.kind(), count, lease.info().id()));
            metadata.put("imagesPerSecond", Math.round(count * 1e10 / Math.max(1, duration.toNanos())) / 10.0);
            return GeneratedContent.ofArtifact(Modality.IMAGE, bytes, format.mediaType(), lease.info(), seed)
                    .withUsage(Usage.frames(count))
                    .withDuration(duration)
                    .withMetadata(metadata);
        } catch (GenerationCancelledException | GenerationFailedException | InvalidRequestException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GenerationFailedException("Image generation with model '" + name + "' failed: " + e.getMessage(),
                    false, e);
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot read model '" + name + "': " + e.getMessage(), true, e);
        }
    }

    /** What the picture shows, in words, for governance (the prompt does not condition latent generators). */
    private static String caption(String kind, int count, String model) {
        String what = kind.equals("latent") ? "generated by an unconditional latent image model '" + model + "'"
                : "generated by model '" + model + "' from the prompt";
        return (count == 1 ? "An image " : "A grid of " + count + " images ") + what;
    }

    private static void checkLimits(GenerationLimits limits, int count, int width, int height, int steps) {
        String problem = GenerationLimits.exceeded("count", count, limits.maxCount(), "max-count");
        if (problem != null) {
            throw InvalidRequestException.of("count", problem);
        }
        problem = GenerationLimits.exceeded("steps", steps, limits.maxSteps(), "max-steps");
        if (problem != null) {
            throw InvalidRequestException.of("steps", problem);
        }
        problem = GenerationLimits.exceeded("pixels per image (width x height)", (long) width * height,
                limits.maxPixels(), "max-pixels");
        if (problem != null) {
            throw InvalidRequestException.of("width", problem);
        }
    }

    private static int intParameter(GenerationRequest request, String name) {
        return Math.toIntExact(request.parameter(name, Long.class));
    }
}
