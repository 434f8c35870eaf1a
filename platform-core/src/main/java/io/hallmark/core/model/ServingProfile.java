package io.hallmark.core.model;

import io.hallmark.textgen.Precision;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the model runtime trades latency, throughput and memory; a deployer picks one with {@code serving-profile}.
 *
 * @param maxBatch the most concurrent requests one model steps together (dynamic batching; 1 turns it off)
 * @param precision how projection weights are kept in memory
 * @param unloadWhenIdle whether a model is unloaded as soon as its last lease closes
 */
public enum ServingProfile {
    /** Small batches so a single request is not slowed by many others; models stay loaded. */
    LOW_LATENCY("low-latency", 4, Precision.FLOAT32, false),
    /** Large batches: the most tokens per second over many concurrent requests; models stay loaded. */
    HIGH_THROUGHPUT("high-throughput", 16, Precision.FLOAT32, false),
    /** float16 weights (half the memory), small batches, models unloaded when their last lease closes. */
    LOW_MEMORY("low-memory", 2, Precision.FLOAT16, true);

    private final String id;
    private final int maxBatch;
    private final Precision precision;
    private final boolean unloadWhenIdle;

    ServingProfile(String id, int maxBatch, Precision precision, boolean unloadWhenIdle) {
        this.id = id;
        this.maxBatch = maxBatch;
        this.precision = precision;
        this.unloadWhenIdle = unloadWhenIdle;
    }

    public String id() {
        return id;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public Precision precision() {
        return precision;
    }

    public boolean unloadWhenIdle() {
        return unloadWhenIdle;
    }

    /** The profile of a {@code serving-profile} value. */
    public static ServingProfile of(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown serving profile '" + id + "'; valid: " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(ServingProfile::id).collect(Collectors.joining(", "));
    }
}
