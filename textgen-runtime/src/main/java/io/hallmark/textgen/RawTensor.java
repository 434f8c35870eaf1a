package io.hallmark.textgen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A stored weight tensor as read from a file: its name, row-major shape (outermost first, e.g. {@code [out, in]}
 * for a projection), element type and little-endian bytes (often a slice of a memory-mapped file).
 */
public record RawTensor(String name, long[] shape, TensorType type, ByteBuffer data) {

    public RawTensor {
        shape = shape.clone();
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long expected = type.bytes(elements(shape));
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("Tensor '" + name + "' " + Arrays.toString(shape) + " of " + type
                    + " needs " + expected + " bytes, has " + data.remaining());
        }
    }

    /** A float32 tensor. */
    public static RawTensor ofFloats(String name, long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new RawTensor(name, shape, TensorType.F32, buffer);
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public long elements() {
        return elements(shape);
    }

    /** The values as float32 (F16 and BF16 widened, quantized blocks dequantized). */
    public float[] toFloats() {
        long n = elements();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("Tensor '" + name + "' has too many elements for one array: " + n);
        }
        return GgmlBlocks.dequantize(type, data, (int) n);
    }

    /** The values as a float32 buffer, without copying when they are stored as F32. */
    public FloatBuffer floatBuffer() {
        if (type == TensorType.F32) {
            return data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        return FloatBuffer.wrap(toFloats());
    }
}
