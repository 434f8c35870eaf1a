package io.hallmark.imagegen.diffusion;

import java.util.Arrays;

/** A dense float tensor on the Java heap, row-major, with its shape: what the pipeline passes between components. */
public record FloatTensor(long[] shape, float[] data) {

    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + data.length);
        }
    }

    /** The size of dimension {@code i}. */
    public int dim(int i) {
        return (int) shape[i];
    }

    /** The {@code index}-th slice along the first dimension, as a tensor without that dimension. */
    public FloatTensor slice(int index) {
        int size = data.length / dim(0);
        return new FloatTensor(Arrays.copyOfRange(shape, 1, shape.length),
                Arrays.copyOfRange(data, index * size, (index + 1) * size));
    }

    /** This tensor with a leading batch dimension of 1. */
    public FloatTensor batchOfOne() {
        long[] s = new long[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return new FloatTensor(s, data);
    }

    /** Tensors of one shape stacked along a new first dimension. */
    public static FloatTensor stack(FloatTensor... parts) {
        int size = parts[0].data.length;
        float[] all = new float[size * parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape, parts[0].shape)) {
                throw new IllegalArgumentException("Cannot stack shapes " + Arrays.toString(parts[0].shape) + " and "
                        + Arrays.toString(parts[i].shape));
            }
            System.arraycopy(parts[i].data, 0, all, i * size, size);
        }
        long[] s = new long[parts[0].shape.length + 1];
        s[0] = parts.length;
        System.arraycopy(parts[0].shape, 0, s, 1, parts[0].shape.length);
        return new FloatTensor(s, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
