package io.hallmark.imagegen.diffusion.onnx;

/** The ONNX tensor element types a diffusion pipeline meets, with their {@code TensorProto.DataType} codes. */
public enum ElementType {
    FLOAT(1),
    INT32(6),
    INT64(7),
    FLOAT16(10),
    DOUBLE(11),
    BFLOAT16(16),
    /** Any other code (strings, booleans, 8-bit integers): never a valid input of a diffusion component. */
    OTHER(-1);

    private final int code;

    ElementType(int code) {
        this.code = code;
    }

    /** The type of an ONNX {@code elem_type} code. */
    public static ElementType ofCode(int code) {
        for (ElementType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return OTHER;
    }

    /** True for the floating-point types a latent or hidden-state tensor may have. */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == FLOAT16 || this == DOUBLE || this == BFLOAT16;
    }

    /** True for the integer types token ids or timesteps may have. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }
}
