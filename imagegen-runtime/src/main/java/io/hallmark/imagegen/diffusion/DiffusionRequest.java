package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import org.jspecify.annotations.Nullable;

/**
 * What to generate. Start from {@link #of(String)} and adjust with the {@code with...} methods.
 *
 * @param prompt the text to condition on
 * @param negativePrompt the text to steer away from (the unconditional branch of classifier-free guidance); empty
 *     for none
 * @param steps inference steps (UNet calls: one more for PNDM)
 * @param guidanceScale classifier-free guidance weight; at most 1 disables guidance (one UNet pass per step)
 * @param seed the noise seed: the same seed and parameters give the same image on any machine
 * @param width image width in pixels, a multiple of 8; 0 for the model's default
 * @param height image height in pixels, a multiple of 8; 0 for the model's default
 * @param scheduler the sampler; null for the one the model's scheduler config names
 */
public record DiffusionRequest(String prompt, String negativePrompt, int steps, double guidanceScale, long seed,
        int width, int height, @Nullable SchedulerKind scheduler) {

    public DiffusionRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt must not be null (use \"\" for an unconditioned image)");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!Double.isFinite(guidanceScale) || guidanceScale < 0) {
            throw new IllegalArgumentException("guidance scale must be a finite number >= 0, got " + guidanceScale);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must be positive (or 0 for the model's default), got "
                    + width + "x" + height);
        }
    }

    /** {@code prompt} with 25 steps, guidance 7.5, seed 0, the model's default size and scheduler. */
    public static DiffusionRequest of(String prompt) {
        return new DiffusionRequest(prompt, "", 25, 7.5, 0, 0, 0, null);
    }

    public DiffusionRequest withNegativePrompt(String negative) {
        return new DiffusionRequest(prompt, negative, steps, guidanceScale, seed, width, height, scheduler);
    }

    public DiffusionRequest withSteps(int n) {
        return new DiffusionRequest(prompt, negativePrompt, n, guidanceScale, seed, width, height, scheduler);
    }

    public DiffusionRequest withGuidanceScale(double g) {
        return new DiffusionRequest(prompt, negativePrompt, steps, g, seed, width, height, scheduler);
    }

    public DiffusionRequest withSeed(long s) {
        return new DiffusionRequest(prompt, negativePrompt, steps, guidanceScale, s, width, height, scheduler);
    }

    public DiffusionRequest withSize(int w, int h) {
        return new DiffusionRequest(prompt, negativePrompt, steps, guidanceScale, seed, w, h, scheduler);
    }

    public DiffusionRequest withScheduler(@Nullable SchedulerKind kind) {
        return new DiffusionRequest(prompt, negativePrompt, steps, guidanceScale, seed, width, height, kind);
    }
}
