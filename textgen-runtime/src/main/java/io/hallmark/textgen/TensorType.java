package io.hallmark.textgen;

/** Element types of stored weights, with their GGML type ids. */
public enum TensorType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    /** Blocks of 32 weights: one float16 scale and 32 signed bytes. */
    Q8_0(8, 32, 34);

    private final int ggmlId;
    private final int blockSize;
    private final int blockBytes;

    TensorType(int ggmlId, int blockSize, int blockBytes) {
        this.ggmlId = ggmlId;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    public int ggmlId() {
        return ggmlId;
    }

    /** Bytes that {@code elements} weights take (a multiple of the block size). */
    public long bytes(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(this + " needs a multiple of " + blockSize + " elements, not " + elements);
        }
        return elements / blockSize * blockBytes;
    }

    public boolean fits(long elements) {
        return elements % blockSize == 0;
    }

    /** The type of a GGML type id, or {@code null} when it is not supported. */
    public static TensorType ofGgml(int id) {
        for (TensorType t : values()) {
            if (t.ggmlId == id) {
                return t;
            }
        }
        return null;
    }
}
