package io.hallmark.textgen;

/** How a loaded model keeps its projection weights in memory. */
public enum Precision {
    /** float32: the fastest on CPUs, 4 bytes a weight. */
    FLOAT32,
    /**
     * float16: half the memory; matrix products run in float16 (slower than float32 on most CPUs). bfloat16 is not
     * offered: DJL 0.36's PyTorch binding aborts the JVM when casting to it.
     */
    FLOAT16
}
