package io.hallmark.textgen;

import java.util.Map;

/**
 * Element types of stored weights that the runtime reads, with their GGML type ids and block layouts (as
 * ggml-common.h lays them out). Quantized types stay in their block form in memory; {@link QuantizedMatrix}
 * dequantizes them block by block inside the matrix product.
 */
public enum TensorType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    /** Blocks of 32 weights: a float16 scale {@code d} and 16 bytes of 4-bit values {@code (q - 8) * d}. */
    Q4_0(2, 32, 18),
    /** Blocks of 32 weights: a float16 scale and 32 signed bytes. */
    Q8_0(8, 32, 34),
    /**
     * Super-blocks of 256 weights: float16 {@code d} and {@code dmin}, twelve bytes packing eight 6-bit scales and
     * mins, then 128 bytes of 4-bit values ({@code d * scale * q - dmin * min}).
     */
    Q4_K(12, 256, 144),
    /** Like Q4_K with a fifth bit per weight in 32 extra bytes (176 bytes per 256 weights). */
    Q5_K(13, 256, 176),
    /** Super-blocks of 256 weights: 4 low bits, 2 high bits, sixteen signed 8-bit scales, a float16 {@code d}. */
    Q6_K(14, 256, 210),
    /** bfloat16: the upper half of a float32. */
    BF16(30, 1, 2);

    /** Every GGML type id that ggml defines, by name, so an unsupported tensor is reported by its type's name. */
    private static final Map<Integer, String> GGML_NAMES = Map.ofEntries(Map.entry(0, "F32"), Map.entry(1, "F16"),
            Map.entry(2, "Q4_0"), Map.entry(3, "Q4_1"), Map.entry(4, "Q4_2 (removed from ggml)"),
            Map.entry(5, "Q4_3 (removed from ggml)"), Map.entry(6, "Q5_0"), Map.entry(7, "Q5_1"), Map.entry(8, "Q8_0"),
            Map.entry(9, "Q8_1"), Map.entry(10, "Q2_K"), Map.entry(11, "Q3_K"), Map.entry(12, "Q4_K"),
            Map.entry(13, "Q5_K"), Map.entry(14, "Q6_K"), Map.entry(15, "Q8_K"), Map.entry(16, "IQ2_XXS"),
            Map.entry(17, "IQ2_XS"), Map.entry(18, "IQ3_XXS"), Map.entry(19, "IQ1_S"), Map.entry(20, "IQ4_NL"),
            Map.entry(21, "IQ3_S"), Map.entry(22, "IQ2_S"), Map.entry(23, "IQ4_XS"), Map.entry(24, "I8"),
            Map.entry(25, "I16"), Map.entry(26, "I32"), Map.entry(27, "I64"), Map.entry(28, "F64"),
            Map.entry(29, "IQ1_M"), Map.entry(30, "BF16"), Map.entry(31, "Q4_0_4_4 (removed from ggml)"),
            Map.entry(32, "Q4_0_4_8 (removed from ggml)"), Map.entry(33, "Q4_0_8_8 (removed from ggml)"),
            Map.entry(34, "TQ1_0"), Map.entry(35, "TQ2_0"), Map.entry(36, "IQ4_NL_4_4 (removed from ggml)"),
            Map.entry(37, "IQ4_NL_4_8 (removed from ggml)"), Map.entry(38, "IQ4_NL_8_8 (removed from ggml)"),
            Map.entry(39, "MXFP4"));

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

    /** Weights per block (1 for the float types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Whether the weights are stored in quantization blocks (not one float per weight). */
    public boolean quantized() {
        return blockSize > 1;
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

    /** The name ggml gives a type id ({@code Q4_1}, {@code IQ2_XS}, ...), or {@code unknown GGML type N}. */
    public static String ggmlName(int id) {
        String name = GGML_NAMES.get(id);
        return name != null ? name + " (GGML type " + id + ")" : "unknown GGML type " + id;
    }

    /** The supported types, named, for error messages. */
    public static String supportedNames() {
        return java.util.Arrays.stream(values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }
}
