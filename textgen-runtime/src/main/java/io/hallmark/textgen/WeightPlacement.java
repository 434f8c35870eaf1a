package io.hallmark.textgen;

import ai.djl.Device;

/**
 * Where a model's weight matrices of stored types other than F32 (F16, BF16 and the ggml quantizations) live, and
 * what multiplies them. F32 matrices are NDArrays on the model's device either way.
 */
public enum WeightPlacement {
    /**
     * Kept in their stored blocks in Java memory and multiplied by {@link QuantizedMatrix} on the CPU: resident
     * memory stays the file's size. The default on the CPU.
     */
    BLOCKS,
    /**
     * Dequantized once at load, row by row, to float16 NDArrays on the model's device and multiplied by the engine
     * (the input cast to float16, the product back to float32): 2 bytes a weight on the device. The default on a
     * GPU, where the engine's float16 products are fast and the Java kernels would copy every activation to the host.
     */
    DEVICE_FLOAT16;

    /** {@link #DEVICE_FLOAT16} on a GPU, {@link #BLOCKS} on the CPU. */
    public static WeightPlacement defaultFor(Device device) {
        return device.isGpu() ? DEVICE_FLOAT16 : BLOCKS;
    }
}
