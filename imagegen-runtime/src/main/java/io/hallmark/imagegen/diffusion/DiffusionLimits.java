package io.hallmark.imagegen.diffusion;

/**
 * Limits a host puts on requests, so one request cannot occupy the runtime for hours.
 *
 * @param maxSteps most inference steps a request may ask for
 * @param maxPixels most {@code width * height} a request may ask for
 */
public record DiffusionLimits(int maxSteps, long maxPixels) {

    /** 150 steps and 1024x1024 pixels. */
    public static final DiffusionLimits DEFAULT = new DiffusionLimits(150, 1024L * 1024);

    public DiffusionLimits {
        if (maxSteps < 1 || maxPixels < 64) {
            throw new IllegalArgumentException("Limits must allow at least 1 step and 8x8 pixels, got " + maxSteps
                    + " steps and " + maxPixels + " pixels");
        }
    }
}
