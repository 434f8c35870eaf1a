package io.hallmark.api;

/** What a generator can do beyond producing content; the host and console rely on these declarations. */
public enum Capability {
    /** Sends partial output through {@link GeneratorContext#stream(String)} while it generates. */
    STREAMING,
    /** Produces the same output for the same request and seed. */
    DETERMINISTIC_SEED,
    /** Checks {@link PluginContext#isCancelled()} and stops early when asked. */
    CANCELLATION,
    /** Reports progress through {@link PluginContext#progress(double, String)}. */
    PROGRESS,
    /** Honours a negative prompt parameter (image and video generators). */
    NEGATIVE_PROMPT
}
