package io.hallmark.plugins.video;

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
import io.hallmark.imagegen.latent.LatentGenerator;
import io.hallmark.imagegen.video.GifEncoder;
import io.hallmark.imagegen.video.LatentVideo;
import io.hallmark.imagegen.video.Mp4Encoder;
import io.hallmark.imagegen.video.VideoSettings;
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
 * Generates short clips from a smooth latent trajectory: keyframe latents drawn from the seed, joined by spherical
 * interpolation, decoded by a latent generator leased from the host's model runtime (default {@code mnist-vae},
 * an MNIST VAE decoder whose latent space morphs digits smoothly), resized to the frame size and encoded as MP4
 * (H.264) or an animated GIF. The prompt does not condition the default model; it is recorded and governed.
 */
@Extension
public final class LatentVideoGenerator implements ContentGenerator {

    /** The default model: the MNIST VAE decoder. */
    public static final ModelRequirement DEFAULT_MODEL = ModelRequirement.of("mnist-vae", "onnx");

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("frames", "frames in the clip", 48, 2, 3600),
            ParameterSpec.integer("fps", "frames per second", 12, 1, VideoSettings.MAX_FPS),
            ParameterSpec.integer("width", "frame width in pixels (even)", 256, 16, VideoSettings.MAX_SIZE),
            ParameterSpec.integer("height", "frame height in pixels (even)", 256, 16, VideoSettings.MAX_SIZE),
            ParameterSpec.integer("framesPerKey", "frames between random keyframes of the trajectory", 24, 2, 600),
            ParameterSpec.choice("format", "mp4 (H.264) or an animated gif preview", "mp4", Set.of("mp4", "gif")),
            ParameterSpec.string("model", "latent generator in the model directory", DEFAULT_MODEL.name(), 200),
            ParameterSpec.choice("valueRange", "the model's output range", "0..1", Set.of("0..1", "-1..1")));

    private static final GeneratorInfo INFO = new GeneratorInfo("Latent trajectory video generator",
            "Makes short clips by moving smoothly through a latent image model's space (spherical interpolation "
                    + "between seeded latents) and encodes them as MP4 (H.264) or an animated GIF. The default model "
                    + "morphs handwritten digits; it is unconditional, so the prompt is recorded and governed.",
            Modality.VIDEO, Set.of(Capability.DETERMINISTIC_SEED, Capability.CANCELLATION, Capability.PROGRESS),
            PARAMETERS, List.of(DEFAULT_MODEL));

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        context.checkCancelled();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        int frames = intParameter(request, "frames");
        int width = intParameter(request, "width");
        int height = intParameter(request, "height");
        GenerationLimits limits = GenerationLimits.fromSettings(context.config());
        String problem = GenerationLimits.exceeded("frames", frames, limits.maxFrames(), "max-frames");
        if (problem != null) {
            throw InvalidRequestException.of("frames", problem);
        }
        problem = GenerationLimits.exceeded("pixels per frame (width x height)", (long) width * height,
                limits.maxPixels(), "max-pixels");
        if (problem != null) {
            throw InvalidRequestException.of("width", problem);
        }
        VideoSettings settings;
        try {
            settings = new VideoSettings(frames, intParameter(request, "fps"), width, height);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage().contains("height") ? "height" : "width", e.getMessage());
        }
        String format = request.parameter("format", String.class);
        String name = request.parameter("model", String.class);
        ModelRequirement requirement = name.equals(DEFAULT_MODEL.name()) ? DEFAULT_MODEL : ModelRequirement.of(name, "onnx");
        long start = System.nanoTime();
        try (ModelLease lease = context.leaseModel(requirement);
                ScopedOnnxLoader fallback = new ScopedOnnxLoader()) {
            Optional<OnnxLoader> hosted = lease.loaded(OnnxLoader.class);
            LatentGenerator generator = LatentGenerator.open(lease.path(), hosted.isPresent() ? hosted.get() : fallback,
                    request.parameter("valueRange", String.class).equals("-1..1")
                            ? LatentGenerator.ValueRange.MINUS_ONE_TO_ONE : LatentGenerator.ValueRange.ZERO_TO_ONE);
            List<FloatImage> images;
            try {
                images = LatentVideo.render(generator, seed, settings, intParameter(request, "framesPerKey"),
                        (done, total) -> context.progress(0.8 * done / total, "frame " + done + "/" + total),
                        context::isCancelled);
            } catch (LatentVideo.CancellationException e) {
                context.checkCancelled();
                throw new GenerationCancelledException(e.getMessage());
            }
            context.checkCancelled();
            long renderNanos = System.nanoTime() - start;
            context.progress(0.8, "encoding " + format);
            long encodeStart = System.nanoTime();
            byte[] bytes = format.equals("gif") ? GifEncoder.encode(images, settings.fps())
                    : Mp4Encoder.encode(images, settings.fps());
            long encodeNanos = System.nanoTime() - encodeStart;
            context.progress(1.0, frames + " frames encoded");
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("pipeline", "latent-trajectory");
            metadata.put("frames", frames);
            metadata.put("fps", settings.fps());
            metadata.put("width", width);
            metadata.put("height", height);
            metadata.put("seconds", settings.seconds());
            metadata.put("format", format);
            metadata.put("codec", format.equals("gif") ? "gif" : "h264");
            metadata.put("framesPerKey", intParameter(request, "framesPerKey"));
            metadata.put("runtime", hosted.isPresent() ? "host" : "plugin");
            metadata.put("caption", "A " + String.format(java.util.Locale.ROOT, "%.1f", settings.seconds())
                    + "-second clip morphing through the latent space of the unconditional image model '"
                    + lease.info().id() + "'");
            metadata.put("renderFramesPerSecond", Math.round(frames * 1e10 / Math.max(1, renderNanos)) / 10.0);
            metadata.put("encodeFramesPerSecond", Math.round(frames * 1e10 / Math.max(1, encodeNanos)) / 10.0);
            return GeneratedContent.ofArtifact(Modality.VIDEO, bytes, format.equals("gif") ? "image/gif" : "video/mp4",
                            lease.info(), seed)
                    .withUsage(Usage.frames(frames))
                    .withDuration(Duration.ofNanos(System.nanoTime() - start))
                    .withMetadata(metadata);
        } catch (GenerationCancelledException | GenerationFailedException | InvalidRequestException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new GenerationFailedException("Video generation with model '" + name + "' failed: " + e.getMessage(),
                    false, e);
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot read model '" + name + "': " + e.getMessage(), true, e);
        }
    }

    private static int intParameter(GenerationRequest request, String name) {
        return Math.toIntExact(request.parameter(name, Long.class));
    }
}
