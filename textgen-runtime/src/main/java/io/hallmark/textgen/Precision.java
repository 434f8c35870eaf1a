package io.hallmark.textgen;

/** How a loaded model keeps its projection weights in memory. */
public enum Precision {
    /** float32: the fastest on CPUs, 4 bytes a weight. */
    FLOAT32,
    /** bfloat16: half the memory; matrix products run in bfloat16 where the engine supports it. */
    BFLOAT16
}
