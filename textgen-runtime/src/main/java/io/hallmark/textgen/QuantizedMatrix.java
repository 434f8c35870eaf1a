package io.hallmark.textgen;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * A weight matrix {@code [rows, cols]} kept in its stored form (F16, BF16 or a ggml quantization, often a
 * memory-mapped slice of the model file) and multiplied block by block: each row is dequantized as it is read,
 * so resident memory stays the stored size (the bytes are copied onto the heap once). Products run on the Java
 * Vector API, split by rows over the threads of {@link RowParallel} ({@code hallmark.textgen.threads}, default:
 * the processors).
 *
 * <p>Q8_0, Q4_0, Q4_K, Q5_K, Q6_K and BF16 run through fused kernels that never write dequantized values, for
 * one input row (decoding) as for several (prefill: 16 weight rows at a time, so each is read from memory once and
 * from the cache for the other input rows); F16 dequantizes one weight row at a time into a scratch array and
 * reuses it for every input row.
 *
 * <p>Q4_K, Q5_K and Q6_K have kernels that take 8-bit activations as llama.cpp does: the input is quantized once per product ({@link
 * Int8Activations}, ggml's Q8_K layout), and the kernels multiply the weights' bit fields by activations in 16-bit
 * lanes and sum in ints, one float multiply per 256 weights (Q4_K 1.4-1.7x faster than its float-activation
 * kernel, Q6_K about 1.2x, Q5_K 1.1x; docs/performance.md). Only Q4_K's is the default ({@link #INT8_TYPES},
 * {@code hallmark.textgen.int8}); the other kernel of each type is the peer in {@link KernelBenchmark} and the
 * reference in the tests. The Vector API has no 8-bit multiply-add ({@code
 * vpmaddubsw}/{@code vpdpbusd}) nor a 16-bit one ({@code vpmaddwd}), so adjacent 16-bit products are summed into
 * 32-bit lanes with a shift trick instead, and each sub-block's scale is an int multiply. The other types keep float
 * activations.
 *
 * <p>How the kernels are written, and why (measured in docs/performance.md):
 * <ul>
 *   <li>Nibbles and bit fields are cut on 32-bit lanes (bytes zero-extended to ints), because x86 has no 8-bit
 *       vector shifts, not even with AVX-512BW.
 *   <li>Each kernel is one method that loops over a range of rows and calls the Vector API directly, never a
 *       helper of ours that takes or returns a vector: C2 stops inlining ordinary methods once a compilation
 *       passes its size budget (the Vector API's own methods are force-inlined), and a vector passed through a
 *       call that was not inlined is boxed on the heap; Q6_K's kernel, written with such helpers, ran 13x slower
 *       than this one (likely for that reason).
 *   <li>Prefill runs the same kernels 16 weight rows at a time over all input rows (no scalar dequantization).
 *   <li>Vectors are 512 bits where the CPU has them (AVX-512) and 256 bits otherwise; the system property
 *       {@code hallmark.textgen.vectorBits} (256 or 512) chooses, for comparisons.
 * </ul>
 */
public final class QuantizedMatrix {

    /** The float lanes of every kernel: 8 or 16, so that a lane group never straddles a 16-weight sub-block. */
    private static final VectorSpecies<Float> F = floatSpecies();
    private static final int L = F.length();
    private static final VectorSpecies<Integer> I = F.withLanes(int.class);
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));
    /** Bytes of L 16-bit values. */
    private static final VectorSpecies<Byte> B2 = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 16));
    /** The 16-bit lanes of the integer kernels: 2L, the bytes of {@link #B2} widened. */
    private static final VectorSpecies<Short> S = F.withLanes(short.class);
    /** Whether a vector of {@link #S} holds 32 lanes (512 bits), two of Q6_K's 16-weight sub-blocks. */
    private static final boolean WIDE = S.length() == 32;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The types with a kernel that takes 8-bit activations ({@link Int8Activations}) besides the float one. */
    static final java.util.Set<TensorType> INT8_KERNELS = java.util.EnumSet.of(TensorType.Q4_K, TensorType.Q5_K, TensorType.Q6_K);
    /**
     * The types whose products take 8-bit activations: {@code hallmark.textgen.int8} (a comma-separated list of
     * {@link #INT8_KERNELS}), default Q4_K only: Q5_K's and Q6_K's are faster per product when C2 compiles them
     * well, but were 4-7x slower in some benchmark JVMs (docs/performance.md), so they wait for a re-measurement.
     */
    static final java.util.Set<TensorType> INT8_TYPES = int8Types(System.getProperty("hallmark.textgen.int8", "Q4_K"));
    /** Weight rows read once for all input rows of a prefill (16 rows of 8192 Q8_0 weights: 139 KiB). */
    private static final int TILE_ROWS = 16;

    private final String name;
    private final TensorType type;
    private final int rows;
    private final int cols;
    private final int rowBytes;
    private final byte[] bytes;
    private final ByteBuffer data;
    /**
     * Whether products take 8-bit activations and integer dot products (only for {@link #INT8_KERNELS}): by default
     * for {@link #INT8_TYPES}; either kernel where {@link KernelBenchmark} and the tests ask for it.
     */
    private final boolean int8;

    /**
     * Holds a 2-D tensor's stored bytes on the heap (the Vector API loads from arrays): the tensor's own array when
     * it has one, else a copy.
     */
    public QuantizedMatrix(RawTensor tensor) {
        this(tensor, INT8_TYPES.contains(tensor.type()));
    }

    /**
     * As {@link #QuantizedMatrix(RawTensor)}, with the 8-bit-activation kernel where {@code int8} is true and the type
     * has one ({@link #INT8_KERNELS}), else the float-activation kernel.
     */
    QuantizedMatrix(RawTensor tensor, boolean int8) {
        this.int8 = int8 && INT8_KERNELS.contains(tensor.type());
        if (tensor.shape().length != 2) {
            throw new IllegalArgumentException("Tensor '" + tensor.name() + "' of " + tensor.type() + " is not a matrix: "
                    + java.util.Arrays.toString(tensor.shape()));
        }
        if (tensor.type() == TensorType.F32) {
            throw new IllegalArgumentException("Tensor '" + tensor.name() + "' is F32; it runs as an NDArray");
        }
        this.name = tensor.name();
        this.type = tensor.type();
        this.rows = Math.toIntExact(tensor.shape()[0]);
        this.cols = Math.toIntExact(tensor.shape()[1]);
        if (!type.fits(cols)) {
            throw new ModelFormatException("Tensor '" + name + "' of " + type + " has rows of " + cols
                    + " weights; " + type + " needs a multiple of " + type.blockSize());
        }
        this.rowBytes = Math.toIntExact(type.bytes(cols));
        int size = Math.toIntExact(type.bytes((long) rows * cols));
        ByteBuffer source = tensor.data();
        if (source.hasArray() && source.arrayOffset() + source.position() == 0 && source.array().length == size) {
            this.bytes = source.array(); // read onto the heap by GgufFile: used in place
        } else {
            this.bytes = new byte[size];
            source.duplicate().get(bytes);
        }
        this.data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static java.util.Set<TensorType> int8Types(String list) {
        java.util.Set<TensorType> types = java.util.EnumSet.noneOf(TensorType.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            TensorType type = java.util.Arrays.stream(TensorType.values()).filter(t -> t.name().equals(name.strip()))
                    .findFirst().filter(INT8_KERNELS::contains).orElseThrow(() -> new IllegalStateException(
                            "hallmark.textgen.int8 lists types of " + INT8_KERNELS + ", not '" + name.strip() + "'"));
            types.add(type);
        }
        return types;
    }

    private static VectorSpecies<Float> floatSpecies() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? 512 : 256;
        int bits = Integer.getInteger("hallmark.textgen.vectorBits", preferred);
        if (bits != 256 && bits != 512) {
            throw new IllegalStateException("hallmark.textgen.vectorBits must be 256 or 512, not " + bits);
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    /** The vector width the kernels run at, in bits. */
    public static int vectorBits() {
        return F.vectorBitSize();
    }

    public TensorType type() {
        return type;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Bytes the matrix keeps (its stored size). */
    public long bytes() {
        return (long) rowBytes * rows;
    }

    /** Writes row {@code row} as float32 into {@code dst} from {@code off}. */
    public void dequantizeRow(int row, float[] dst, int off) {
        int base = row * rowBytes;
        if (type == TensorType.F16) { // one weight per block: a plain loop, which C2 compiles to vector conversions
            byte[] w = bytes;
            for (int c = 0; c < cols; c++) {
                dst[off + c] = half(w, base + 2 * c);
            }
            return;
        }
        int blocks = cols / type.blockSize();
        for (int k = 0; k < blocks; k++) {
            GgmlBlocks.dequantize(type, data, base + k * type.blockBytes(), dst, off + k * type.blockSize());
        }
    }

    /**
     * {@code out[i * rows + r] = dot(row r, x[i * cols ..])} for the {@code n} input rows of {@code x}: the product
     * of {@code n} activations with the transposed matrix.
     */
    public void multiply(float[] x, int n, float[] out) {
        RowParallel.shared().run(product(x, n, out));
    }

    /**
     * The product {@link #multiply} computes, as rows for {@link RowParallel} to run (with other products in one
     * hand-off, e.g. a layer's q, k and v on the same input).
     */
    RowParallel.Job product(float[] x, int n, float[] out) {
        if (x.length < n * cols || out.length < n * rows) {
            throw new IllegalArgumentException("Tensor '" + name + "' [" + rows + ", " + cols + "]: " + n
                    + " input rows need " + n * cols + " inputs and room for " + n * rows + " outputs");
        }
        Int8Activations q8 = null;
        if (int8) {
            try {
                q8 = Int8Activations.of(x, n * cols);
            } catch (IllegalArgumentException e) { // NaN or infinity: no scale rounds it, and the output would be NaN
                throw new IllegalArgumentException("Tensor '" + name + "' [" + rows + ", " + cols + "]: " + e.getMessage(), e);
            }
        }
        Int8Activations quantized = q8;
        float[] sums = q8 == null && (type == TensorType.Q4_K || type == TensorType.Q5_K) ? subBlockSums(x, n * cols) : null;
        return new RowParallel.Job(rows, (long) cols * n, (from, to) -> rows(from, to, x, quantized, n, sums, out));
    }

    /** Rows {@code from..to} times input row {@code i}, into {@code out[i * rows + r]}, by the fused kernel of the type. */
    private void kernel(int from, int to, float[] x, Int8Activations q8, float[] sums, int i, float[] out) {
        int xb = i * cols;
        int ob = i * rows;
        switch (type) {
            case Q8_0 -> rowsQ8_0(from, to, x, xb, out, ob);
            case Q4_0 -> rowsQ4_0(from, to, x, xb, out, ob);
            case Q4_K -> {
                if (q8 != null) {
                    rowsQ4K8(from, to, q8, xb, out, ob);
                } else {
                    rowsQ4K(from, to, x, xb, sums, i * cols / 32, out, ob);
                }
            }
            case Q5_K -> {
                if (q8 != null) {
                    rowsQ5K8(from, to, q8, xb, out, ob);
                } else {
                    rowsQ5K(from, to, x, xb, sums, i * cols / 32, out, ob);
                }
            }
            case Q6_K -> {
                if (q8 != null) {
                    rowsQ6K8(from, to, q8, xb, out, ob);
                } else {
                    rowsQ6K(from, to, x, xb, out, ob);
                }
            }
            case BF16 -> rowsBf16(from, to, x, xb, out, ob);
            default -> throw new IllegalStateException(type + " has no fused kernel");
        }
    }

    /**
     * Every input row through the fused kernel, {@link #TILE_ROWS} weight rows at a time so that they are read from
     * memory once and from the cache for the other input rows; F16 dequantizes each weight row once into a scratch
     * array and uses it for every input row.
     */
    private void rows(int from, int to, float[] x, Int8Activations q8, int n, float[] sums, float[] out) {
        if (type == TensorType.F16) {
            dequantized(from, to, x, n, out);
            return;
        }
        for (int r = from; r < to; r += TILE_ROWS) {
            int end = Math.min(to, r + TILE_ROWS);
            for (int i = 0; i < n; i++) {
                kernel(r, end, x, q8, sums, i, out);
            }
        }
    }

    private void dequantized(int from, int to, float[] x, int n, float[] out) {
        float[] scratch = new float[cols];
        for (int r = from; r < to; r++) {
            dequantizeRow(r, scratch, 0);
            for (int i = 0; i < n; i++) {
                out[i * rows + r] = dot(scratch, x, i * cols, cols);
            }
        }
    }

    static float dot(float[] a, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - L; i += L) {
            acc = FloatVector.fromArray(F, a, i).fma(FloatVector.fromArray(F, b, bOff + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[i] * b[bOff + i];
        }
        return sum;
    }

    /** Sums of {@code x[0..length)} over each 32-weight sub-block, for the mins of Q4_K and Q5_K. */
    private static float[] subBlockSums(float[] x, int length) {
        float[] sums = new float[length / 32];
        for (int s = 0; s < sums.length; s++) {
            FloatVector acc = FloatVector.zero(F);
            for (int l = 0; l < 32; l += L) {
                acc = acc.add(FloatVector.fromArray(F, x, 32 * s + l));
            }
            sums[s] = acc.reduceLanes(VectorOperators.ADD);
        }
        return sums;
    }

    private static float half(byte[] w, int o) {
        return Float.float16ToFloat((short) ((w[o] & 0xff) | w[o + 1] << 8));
    }

    private void rowsQ8_0(int from, int to, float[] x, int xb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            for (int k = 0; k < cols / 32; k++) {
                int off = base + 34 * k;
                FloatVector sum = FloatVector.zero(F);
                for (int j = 0; j < 32; j += L) {
                    FloatVector q = (FloatVector) ByteVector.fromArray(B, w, off + 2 + j).convertShape(VectorOperators.B2F, F, 0);
                    sum = q.fma(FloatVector.fromArray(F, x, xb + 32 * k + j), sum);
                }
                acc = sum.fma(FloatVector.broadcast(F, half(w, off)), acc);
            }
            out[ob + r] = acc.reduceLanes(VectorOperators.ADD);
        }
    }

    private void rowsQ4_0(int from, int to, float[] x, int xb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            for (int k = 0; k < cols / 32; k++) {
                int off = base + 18 * k;
                FloatVector sum = FloatVector.zero(F);
                for (int j = 0; j < 16; j += L) {
                    IntVector q = (IntVector) ByteVector.fromArray(B, w, off + 2 + j)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                    FloatVector lo = (FloatVector) q.and(0xf).sub(8).convert(VectorOperators.I2F, 0);
                    FloatVector hi = (FloatVector) q.lanewise(VectorOperators.LSHR, 4).sub(8).convert(VectorOperators.I2F, 0);
                    sum = lo.fma(FloatVector.fromArray(F, x, xb + 32 * k + j), sum);
                    sum = hi.fma(FloatVector.fromArray(F, x, xb + 32 * k + 16 + j), sum);
                }
                acc = sum.fma(FloatVector.broadcast(F, half(w, off)), acc);
            }
            out[ob + r] = acc.reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * The eight 6-bit scales (bytes 0..7 of the result) and eight 6-bit mins (bytes 8..15 as the second long) of a
     * Q4_K/Q5_K super-block, unpacked from its twelve bytes at {@code o} as ggml's {@code get_scale_min_k4} does.
     */
    private static long scales(byte[] w, int o) {
        int a = (int) INT.get(w, o);
        int c = (int) INT.get(w, o + 8);
        int low = a & 0x3f3f3f3f;
        int high = (c & 0x0f0f0f0f) | ((a >>> 6) & 0x03030303) << 4;
        return (low & 0xffffffffL) | (long) high << 32;
    }

    private static long mins(byte[] w, int o) {
        int b = (int) INT.get(w, o + 4);
        int c = (int) INT.get(w, o + 8);
        int low = b & 0x3f3f3f3f;
        int high = ((c >>> 4) & 0x0f0f0f0f) | ((b >>> 6) & 0x03030303) << 4;
        return (low & 0xffffffffL) | (long) high << 32;
    }

    private void rowsQ4K(int from, int to, float[] x, int xb, float[] sums, int sb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector accLo = FloatVector.zero(F);
            FloatVector accHi = FloatVector.zero(F);
            float minSum = 0;
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 144 * k;
                float d = half(w, off);
                float dmin = half(w, off + 2);
                long sc = scales(w, off + 4);
                long m = mins(w, off + 4);
                float blockMins = 0;
                for (int j = 0; j < 8; j++) {
                    blockMins += (int) (m >>> 8 * j & 0xff) * sums[sb + 8 * k + j];
                }
                minSum += dmin * blockMins;
                for (int j = 0; j < 4; j++) {
                    FloatVector lo = FloatVector.zero(F);
                    FloatVector hi = FloatVector.zero(F);
                    int qs = off + 16 + 32 * j;
                    int xo = xb + 256 * k + 64 * j;
                    for (int l = 0; l < 32; l += L) {
                        IntVector q = (IntVector) ByteVector.fromArray(B, w, qs + l)
                                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                        lo = ((FloatVector) q.and(0xf).convert(VectorOperators.I2F, 0))
                                .fma(FloatVector.fromArray(F, x, xo + l), lo);
                        hi = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0))
                                .fma(FloatVector.fromArray(F, x, xo + 32 + l), hi);
                    }
                    accLo = lo.fma(FloatVector.broadcast(F, d * (int) (sc >>> 16 * j & 0xff)), accLo);
                    accHi = hi.fma(FloatVector.broadcast(F, d * (int) (sc >>> 16 * j + 8 & 0xff)), accHi);
                }
            }
            out[ob + r] = accLo.add(accHi).reduceLanes(VectorOperators.ADD) - minSum;
        }
    }

    /**
     * Q4_K times 8-bit activations ({@code xb}: the first of the input row's values): per 32-weight sub-block the
     * nibbles times the activations in 16-bit lanes (at most 15 * 127 each, two summed at 256 bits), adjacent
     * products summed into 32-bit lanes, times the sub-block's 6-bit scale, summed per super-block in ints and only
     * then scaled by {@code d} and the activations' scale; the min term is the integer sums of the activations
     * times the mins.
     */
    private void rowsQ4K8(int from, int to, Int8Activations q8, int xb, float[] out, int ob) {
        byte[] w = bytes;
        short[] xq = q8.values();
        float[] xd = q8.scales();
        int[] xs = q8.sums();
        int db = xb / 256;
        int sb = xb / 32;
        int sl = S.length();
        byte[] minBytes = new byte[8];
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            FloatVector minAcc = FloatVector.zero(FloatVector.SPECIES_256);
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 144 * k;
                float dx = xd[db + k];
                long sc = scales(w, off + 4);
                long m = mins(w, off + 4);
                LONG.set(minBytes, 0, m);
                IntVector mi = ((IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, minBytes, 0)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, IntVector.SPECIES_256, 0))
                        .mul(IntVector.fromArray(IntVector.SPECIES_256, xs, sb + 8 * k));
                minAcc = ((FloatVector) mi.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(FloatVector.SPECIES_256, half(w, off + 2) * dx), minAcc);
                IntVector sum = IntVector.zero(I);
                for (int j = 0; j < 4; j++) {
                    int qs = off + 16 + 32 * j;
                    int xo = xb + 256 * k + 64 * j;
                    ShortVector q = (ShortVector) ByteVector.fromArray(B2, w, qs).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                    ShortVector lo = q.and((short) 0xf).mul(ShortVector.fromArray(S, xq, xo));
                    ShortVector hi = q.lanewise(VectorOperators.LSHR, 4).mul(ShortVector.fromArray(S, xq, xo + 32));
                    for (int l = sl; l < 32; l += sl) { // 256-bit vectors: the sub-block's second half
                        q = (ShortVector) ByteVector.fromArray(B2, w, qs + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                        lo = lo.add(q.and((short) 0xf).mul(ShortVector.fromArray(S, xq, xo + l)));
                        hi = hi.add(q.lanewise(VectorOperators.LSHR, 4).mul(ShortVector.fromArray(S, xq, xo + 32 + l)));
                    }
                    // each int lane holds two 16-bit sums a + b << 16: (lane + (lane << 16)) >> 16 is a + b
                    IntVector a = lo.reinterpretAsInts();
                    IntVector b = hi.reinterpretAsInts();
                    a = a.add(a.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                    b = b.add(b.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                    sum = sum.add(a.mul((int) (sc >>> 16 * j & 0xff))).add(b.mul((int) (sc >>> 16 * j + 8 & 0xff)));
                }
                acc = ((FloatVector) sum.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, half(w, off) * dx), acc);
            }
            out[ob + r] = acc.reduceLanes(VectorOperators.ADD) - minAcc.reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * Q5_K times 8-bit activations: {@link #rowsQ4K8} with the fifth bit of each weight (bit {@code 2j} of the 32
     * high-bit bytes for the low nibbles, {@code 2j + 1} for the high ones), so the 16-bit products are at most
     * 31 * 127 and two of them summed still fit.
     */
    private void rowsQ5K8(int from, int to, Int8Activations q8, int xb, float[] out, int ob) {
        byte[] w = bytes;
        short[] xq = q8.values();
        float[] xd = q8.scales();
        int[] xs = q8.sums();
        int db = xb / 256;
        int sb = xb / 32;
        int sl = S.length();
        byte[] minBytes = new byte[8];
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            FloatVector minAcc = FloatVector.zero(FloatVector.SPECIES_256);
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 176 * k;
                float dx = xd[db + k];
                long sc = scales(w, off + 4);
                long m = mins(w, off + 4);
                LONG.set(minBytes, 0, m);
                IntVector mi = ((IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, minBytes, 0)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, IntVector.SPECIES_256, 0))
                        .mul(IntVector.fromArray(IntVector.SPECIES_256, xs, sb + 8 * k));
                minAcc = ((FloatVector) mi.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(FloatVector.SPECIES_256, half(w, off + 2) * dx), minAcc);
                IntVector sum = IntVector.zero(I);
                for (int j = 0; j < 4; j++) {
                    int qs = off + 48 + 32 * j;
                    int xo = xb + 256 * k + 64 * j;
                    ShortVector q = (ShortVector) ByteVector.fromArray(B2, w, qs).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                    ShortVector h = ((ShortVector) ByteVector.fromArray(B2, w, off + 16).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0))
                            .lanewise(VectorOperators.LSHR, 2 * j);
                    ShortVector lo = q.and((short) 0xf).or(h.lanewise(VectorOperators.LSHL, 4).and((short) 0x10))
                            .mul(ShortVector.fromArray(S, xq, xo));
                    ShortVector hi = q.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHL, 3).and((short) 0x10))
                            .mul(ShortVector.fromArray(S, xq, xo + 32));
                    for (int l = sl; l < 32; l += sl) { // 256-bit vectors: the sub-block's second half
                        q = (ShortVector) ByteVector.fromArray(B2, w, qs + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                        h = ((ShortVector) ByteVector.fromArray(B2, w, off + 16 + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0))
                                .lanewise(VectorOperators.LSHR, 2 * j);
                        lo = lo.add(q.and((short) 0xf).or(h.lanewise(VectorOperators.LSHL, 4).and((short) 0x10))
                                .mul(ShortVector.fromArray(S, xq, xo + l)));
                        hi = hi.add(q.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHL, 3).and((short) 0x10))
                                .mul(ShortVector.fromArray(S, xq, xo + 32 + l)));
                    }
                    // each int lane holds two 16-bit sums a + b << 16: (lane + (lane << 16)) >> 16 is a + b
                    IntVector a = lo.reinterpretAsInts();
                    IntVector b = hi.reinterpretAsInts();
                    a = a.add(a.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                    b = b.add(b.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                    sum = sum.add(a.mul((int) (sc >>> 16 * j & 0xff))).add(b.mul((int) (sc >>> 16 * j + 8 & 0xff)));
                }
                acc = ((FloatVector) sum.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, half(w, off) * dx), acc);
            }
            out[ob + r] = acc.reduceLanes(VectorOperators.ADD) - minAcc.reduceLanes(VectorOperators.ADD);
        }
    }

    /** Q4_K with a fifth bit per weight: bit {@code 2j} (low nibbles) and {@code 2j + 1} (high) of 32 bytes. */
    private void rowsQ5K(int from, int to, float[] x, int xb, float[] sums, int sb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector accLo = FloatVector.zero(F);
            FloatVector accHi = FloatVector.zero(F);
            float minSum = 0;
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 176 * k;
                float d = half(w, off);
                float dmin = half(w, off + 2);
                long sc = scales(w, off + 4);
                long m = mins(w, off + 4);
                float blockMins = 0;
                for (int j = 0; j < 8; j++) {
                    blockMins += (int) (m >>> 8 * j & 0xff) * sums[sb + 8 * k + j];
                }
                minSum += dmin * blockMins;
                for (int j = 0; j < 4; j++) {
                    FloatVector lo = FloatVector.zero(F);
                    FloatVector hi = FloatVector.zero(F);
                    int qs = off + 48 + 32 * j;
                    int xo = xb + 256 * k + 64 * j;
                    for (int l = 0; l < 32; l += L) {
                        IntVector q = (IntVector) ByteVector.fromArray(B, w, qs + l)
                                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                        IntVector h = ((IntVector) ByteVector.fromArray(B, w, off + 16 + l)
                                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0)).lanewise(VectorOperators.LSHR, 2 * j);
                        IntVector q1 = q.and(0xf).or(h.lanewise(VectorOperators.LSHL, 4).and(0x10));
                        IntVector q2 = q.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHL, 3).and(0x10));
                        lo = ((FloatVector) q1.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + l), lo);
                        hi = ((FloatVector) q2.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + 32 + l), hi);
                    }
                    accLo = lo.fma(FloatVector.broadcast(F, d * (int) (sc >>> 16 * j & 0xff)), accLo);
                    accHi = hi.fma(FloatVector.broadcast(F, d * (int) (sc >>> 16 * j + 8 & 0xff)), accHi);
                }
            }
            out[ob + r] = accLo.add(accHi).reduceLanes(VectorOperators.ADD) - minSum;
        }
    }

    /**
     * Q6_K: per half super-block (128 weights) 64 bytes of low nibbles, 32 bytes of high bit pairs and eight signed
     * scales, one per 16 weights; weights {@code q - 32}.
     */
    private void rowsQ6K(int from, int to, float[] x, int xb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc1 = FloatVector.zero(F);
            FloatVector acc2 = FloatVector.zero(F);
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 210 * k;
                float d = half(w, off + 208);
                for (int n = 0; n < 2; n++) {
                    int ql = off + 64 * n;
                    int qh = off + 128 + 32 * n;
                    int sc = off + 192 + 8 * n;
                    int xo = xb + 256 * k + 128 * n;
                    for (int is = 0; is < 2; is++) {
                        FloatVector s1 = FloatVector.zero(F);
                        FloatVector s2 = FloatVector.zero(F);
                        FloatVector s3 = FloatVector.zero(F);
                        FloatVector s4 = FloatVector.zero(F);
                        for (int l = 16 * is; l < 16 * is + 16; l += L) {
                            IntVector a = (IntVector) ByteVector.fromArray(B, w, ql + l)
                                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                            IntVector c = (IntVector) ByteVector.fromArray(B, w, ql + 32 + l)
                                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                            IntVector h = (IntVector) ByteVector.fromArray(B, w, qh + l)
                                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                            IntVector q1 = a.and(0xf).or(h.lanewise(VectorOperators.LSHL, 4).and(0x30)).sub(32);
                            IntVector q2 = c.and(0xf).or(h.lanewise(VectorOperators.LSHL, 2).and(0x30)).sub(32);
                            IntVector q3 = a.lanewise(VectorOperators.LSHR, 4).or(h.and(0x30)).sub(32);
                            IntVector q4 = c.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 2).and(0x30)).sub(32);
                            s1 = ((FloatVector) q1.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + l), s1);
                            s2 = ((FloatVector) q2.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + 32 + l), s2);
                            s3 = ((FloatVector) q3.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + 64 + l), s3);
                            s4 = ((FloatVector) q4.convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + 96 + l), s4);
                        }
                        acc1 = s1.fma(FloatVector.broadcast(F, d * w[sc + is]), acc1);
                        acc2 = s2.fma(FloatVector.broadcast(F, d * w[sc + is + 2]), acc2);
                        acc1 = s3.fma(FloatVector.broadcast(F, d * w[sc + is + 4]), acc1);
                        acc2 = s4.fma(FloatVector.broadcast(F, d * w[sc + is + 6]), acc2);
                    }
                }
            }
            out[ob + r] = acc1.add(acc2).reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * Q6_K times 8-bit activations: the unsigned 6-bit weights (0..63) times the activations in 16-bit lanes (at most
     * 63 * 127, so two summed still fit), adjacent products summed into 32-bit lanes, times the sub-block's signed
     * scale in ints, summed per super-block and only then scaled by {@code d} and the activations' scale; the offset
     * of 32 is subtracted once per super-block as the scales times the activations' integer sums of 16. A sub-block is
     * 16 weights: at 256 bits one vector of 16-bit lanes, with one scale; at 512 bits a vector holds two sub-blocks,
     * so the scales of its 32-bit lanes are picked from the super-block's 16 scales ({@code pick}: lanes 0..7 the
     * first, 8..15 the second).
     */
    private void rowsQ6K8(int from, int to, Int8Activations q8, int xb, float[] out, int ob) {
        byte[] w = bytes;
        short[] xq = q8.values();
        float[] xd = q8.scales();
        int[] xs = q8.halfSums();
        int db = xb / 256;
        int hb = xb / 16;
        int sl = S.length();
        IntVector pick = IntVector.zero(I).addIndex(1).lanewise(VectorOperators.ASHR, 3);
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            for (int k = 0; k < cols / 256; k++) {
                int off = base + 210 * k;
                IntVector scales = (IntVector) ByteVector.fromArray(B, w, off + 192).convertShape(VectorOperators.B2I, I, 0);
                IntVector offset = scales.mul(IntVector.fromArray(I, xs, hb + 16 * k));
                if (!WIDE) {
                    offset = offset.add(((IntVector) ByteVector.fromArray(B, w, off + 200).convertShape(VectorOperators.B2I, I, 0))
                            .mul(IntVector.fromArray(I, xs, hb + 16 * k + 8)));
                }
                IntVector sum = offset.lanewise(VectorOperators.LSHL, 5).neg();
                for (int n = 0; n < 2; n++) {
                    int ql = off + 64 * n;
                    int qh = off + 128 + 32 * n;
                    int xo = xb + 256 * k + 128 * n;
                    for (int l = 0; l < 32; l += sl) {
                        ShortVector a = (ShortVector) ByteVector.fromArray(B2, w, ql + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                        ShortVector c = (ShortVector) ByteVector.fromArray(B2, w, ql + 32 + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                        ShortVector h = (ShortVector) ByteVector.fromArray(B2, w, qh + l).convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
                        IntVector p1 = a.and((short) 0xf).or(h.lanewise(VectorOperators.LSHL, 4).and((short) 0x30))
                                .mul(ShortVector.fromArray(S, xq, xo + l)).reinterpretAsInts();
                        IntVector p2 = c.and((short) 0xf).or(h.lanewise(VectorOperators.LSHL, 2).and((short) 0x30))
                                .mul(ShortVector.fromArray(S, xq, xo + 32 + l)).reinterpretAsInts();
                        IntVector p3 = a.lanewise(VectorOperators.LSHR, 4).or(h.and((short) 0x30))
                                .mul(ShortVector.fromArray(S, xq, xo + 64 + l)).reinterpretAsInts();
                        IntVector p4 = c.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 2).and((short) 0x30))
                                .mul(ShortVector.fromArray(S, xq, xo + 96 + l)).reinterpretAsInts();
                        // each int lane holds two 16-bit products a + b << 16: (lane + (lane << 16)) >> 16 is a + b
                        p1 = p1.add(p1.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                        p2 = p2.add(p2.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                        p3 = p3.add(p3.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                        p4 = p4.add(p4.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
                        if (WIDE) { // sub-blocks 8n + 2g and 8n + 2g + 1 for group g
                            sum = sum.add(p1.mul(pick.add(8 * n).selectFrom(scales)))
                                    .add(p2.mul(pick.add(8 * n + 2).selectFrom(scales)))
                                    .add(p3.mul(pick.add(8 * n + 4).selectFrom(scales)))
                                    .add(p4.mul(pick.add(8 * n + 6).selectFrom(scales)));
                        } else { // sub-block 8n + 2g + l / 16
                            int is = off + 192 + 8 * n + l / 16;
                            sum = sum.add(p1.mul(w[is])).add(p2.mul(w[is + 2])).add(p3.mul(w[is + 4])).add(p4.mul(w[is + 6]));
                        }
                    }
                }
                acc = ((FloatVector) sum.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, half(w, off + 208) * xd[db + k]), acc);
            }
            out[ob + r] = acc.reduceLanes(VectorOperators.ADD);
        }
    }

    /** bfloat16: the upper half of a float32, so each value is its 16 bits shifted up. */
    private void rowsBf16(int from, int to, float[] x, int xb, float[] out, int ob) {
        byte[] w = bytes;
        for (int r = from; r < to; r++) {
            int base = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            int c = 0;
            for (; c <= cols - L; c += L) {
                // lanes are reinterpreted in little-endian order, the file's
                FloatVector v = ((IntVector) ByteVector.fromArray(B2, w, base + 2 * c).reinterpretAsShorts()
                        .convertShape(VectorOperators.S2I, I, 0)).lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
                acc = v.fma(FloatVector.fromArray(F, x, xb + c), acc);
            }
            float sum = acc.reduceLanes(VectorOperators.ADD);
            for (; c < cols; c++) {
                sum += Float.intBitsToFloat(((w[base + 2 * c] & 0xff) | (w[base + 2 * c + 1] & 0xff) << 8) << 16) * x[xb + c];
            }
            out[ob + r] = sum;
        }
    }
}
