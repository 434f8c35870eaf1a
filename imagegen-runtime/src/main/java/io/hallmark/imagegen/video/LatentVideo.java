package io.hallmark.imagegen.video;

import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.latent.LatentGenerator;
import io.hallmark.imagegen.latent.Latents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Renders a clip from a smooth latent trajectory: keyframe latents drawn from a seed, joined by spherical
 * interpolation ({@link Latents#trajectory}), decoded by a latent generator in batches and resized to the clip's
 * frame size. A VAE decoder's latent space morphs smoothly, so consecutive frames differ little.
 */
public final class LatentVideo {

    /** Frames decoded per model call. */
    static final int BATCH = 32;

    /** Reports rendering progress: frames done so far out of the total. */
    @FunctionalInterface
    public interface Progress {
        void frames(int done, int total);
    }

    private LatentVideo() {}

    /**
     * @param framesPerKey frames between keyframes (a new random latent every {@code framesPerKey} frames)
     * @param cancelled checked between batches; when it turns true rendering stops with {@link CancellationException}
     */
    public static List<FloatImage> render(LatentGenerator generator, long seed, VideoSettings settings, int framesPerKey,
            Progress progress, BooleanSupplier cancelled) {
        List<float[]> trajectory = Latents.trajectory(seed, settings.frames(), framesPerKey, generator.latentSize());
        List<FloatImage> frames = new ArrayList<>(settings.frames());
        for (int start = 0; start < trajectory.size(); start += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Rendering was cancelled after " + frames.size() + " of "
                        + settings.frames() + " frames");
            }
            List<float[]> batch = trajectory.subList(start, Math.min(trajectory.size(), start + BATCH));
            for (FloatImage image : generator.decode(batch)) {
                frames.add(image.resized(settings.width(), settings.height()));
            }
            progress.frames(frames.size(), settings.frames());
        }
        return frames;
    }

    /** Thrown when rendering was cancelled between batches. */
    public static final class CancellationException extends RuntimeException {
        public CancellationException(String message) {
            super(message);
        }
    }
}
