package io.hallmark.imagegen;

import java.util.Map;

/**
 * The most a single image or video request may ask for, from an administrator's plugin settings
 * ({@code <plugins>/<id>.properties}): {@code max-count}, {@code max-steps}, {@code max-frames} and
 * {@code max-pixels} (width times height). Anything not set keeps its default. Generation time and memory grow with
 * each, so the host's call deadline alone is a poor guard.
 */
public record GenerationLimits(int maxCount, int maxSteps, int maxFrames, long maxPixels) {

    public static final GenerationLimits DEFAULTS = new GenerationLimits(16, 100, 240, 1024L * 1024);

    /** The limits in {@code settings}, defaults for the rest; a malformed value is an error naming the key. */
    public static GenerationLimits fromSettings(Map<String, String> settings) {
        return new GenerationLimits(
                (int) read(settings, "max-count", DEFAULTS.maxCount),
                (int) read(settings, "max-steps", DEFAULTS.maxSteps),
                (int) read(settings, "max-frames", DEFAULTS.maxFrames),
                read(settings, "max-pixels", DEFAULTS.maxPixels));
    }

    private static long read(Map<String, String> settings, String key, long fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Plugin setting " + key + "='" + value + "' must be a positive whole number");
        }
    }

    /**
     * Checks one requested amount against its limit.
     *
     * @return an explanation when over the limit (naming the value, the limit and the setting), else {@code null}
     */
    public static String exceeded(String what, long requested, long limit, String setting) {
        if (requested <= limit) {
            return null;
        }
        return "Requested " + what + " " + requested + " exceeds the limit of " + limit
                + " (plugin setting " + setting + ")";
    }
}
