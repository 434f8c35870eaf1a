package io.hallmark.textgen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A weight matrix {@code [rows, cols]} kept in its stored form (F16, BF16 or a ggml quantization, often a
 * memory-mapped slice of the model file) and multiplied block by block: each row is dequantized as it is read,
 * so resident memory stays the stored size (the bytes are copied onto the heap once). Products run on the Java Vector API, split by rows over a
 * fork-join pool of {@code hallmark.textgen.threads} threads (default: the processors).
 *
 * <p>One input row (decoding) takes fused kernels for Q8_0, Q4_0, Q4_K and Q6_K that never write dequantized
 * values; other types, and several input rows (prefill), dequantize one weight row at a time into a scratch
 * array and reuse it for every input row.
 */
public final class QuantizedMatrix {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int ROWS_PER_TASK = 16;

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Integer.getInteger("hallmark.textgen.threads", Runtime.getRuntime().availableProcessors()),
            pool -> {
                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("textgen-matmul-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, false);

    private final String name;
    private final TensorType type;
    private final int rows;
    private final int cols;
    private final int rowBytes;
    private final byte[] bytes;
    private final ByteBuffer data;

    /**
     * Holds a 2-D tensor's stored bytes on the heap (the Vector API loads from arrays): the tensor's own array when
     * it has one, else a copy.
     */
    public QuantizedMatrix(RawTensor tensor) {
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
        if (x.length < n * cols || out.length < n * rows) {
            throw new IllegalArgumentException("Tensor '" + name + "' [" + rows + ", " + cols + "]: " + n
                    + " input rows need " + n * cols + " inputs and room for " + n * rows + " outputs");
        }
        float[] blockSums = n == 1 && (type == TensorType.Q4_K || type == TensorType.Q5_K) ? subBlockSums(x) : null;
        POOL.invoke(new Rows(x, n, out, blockSums, 0, rows));
    }

    private final class Rows extends RecursiveAction {
        private final float[] x;
        private final int n;
        private final float[] out;
        private final float[] blockSums;
        private final int from;
        private final int to;

        Rows(float[] x, int n, float[] out, float[] blockSums, int from, int to) {
            this.x = x;
            this.n = n;
            this.out = out;
            this.blockSums = blockSums;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > ROWS_PER_TASK) {
                int mid = (from + to) >>> 1;
                invokeAll(new Rows(x, n, out, blockSums, from, mid), new Rows(x, n, out, blockSums, mid, to));
                return;
            }
            if (n == 1) {
                for (int r = from; r < to; r++) {
                    out[r] = dot(r, x, blockSums);
                }
                return;
            }
            float[] scratch = new float[cols];
            for (int r = from; r < to; r++) {
                dequantizeRow(r, scratch, 0);
                for (int i = 0; i < n; i++) {
                    out[i * rows + r] = dot(scratch, x, i * cols, cols);
                }
            }
        }
    }

    /** The dot product of row {@code r} with {@code x[0..cols)}. */
    float dot(int r, float[] x, float[] blockSums) {
        long base = (long) r * rowBytes;
        return switch (type) {
            case Q8_0 -> dotQ8_0(base, x);
            case Q4_0 -> dotQ4_0(base, x);
            case Q4_K -> dotQ4K(base, x, blockSums);
            case Q6_K -> dotQ6K(base, x);
            default -> {
                float[] scratch = new float[cols];
                dequantizeRow(r, scratch, 0);
                yield dot(scratch, x, 0, cols);
            }
        };
    }

    static float dot(float[] a, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            acc = FloatVector.fromArray(F, a, i).fma(FloatVector.fromArray(F, b, bOff + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[i] * b[bOff + i];
        }
        return sum;
    }

    /** Sums of {@code x} over each 32-weight sub-block, for the mins of Q4_K and Q5_K. */
    private float[] subBlockSums(float[] x) {
        float[] sums = new float[cols / 32];
        for (int s = 0; s < sums.length; s++) {
            float acc = 0;
            for (int l = 0; l < 32; l++) {
                acc += x[32 * s + l];
            }
            sums[s] = acc;
        }
        return sums;
    }

    private float half(long offset) {
        int o = (int) offset;
        return Float.float16ToFloat((short) ((bytes[o] & 0xff) | bytes[o + 1] << 8));
    }

    private FloatVector floats(ByteVector bytes) {
        return (FloatVector) bytes.castShape(F, 0);
    }

    private ByteVector bytes(long offset) {
        return ByteVector.fromArray(B, bytes, (int) offset);
    }

    /**
     * Eight unsigned bytes as ints: nibbles and bit fields are cut on 32-bit lanes, because x86 has no 8-bit vector
     * shifts (with byte-lane shifts the 1B Q4_K model decoded 3.5x slower, docs/performance.md).
     */
    private IntVector unsigned(long offset) {
        return ((IntVector) bytes(offset).castShape(I, 0)).and(0xff);
    }

    private static FloatVector floats(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }

    private float dotQ8_0(long base, float[] x) {
        FloatVector acc = FloatVector.zero(F);
        for (int k = 0; k < cols / 32; k++) {
            long off = base + 34L * k;
            FloatVector sum = FloatVector.zero(F);
            for (int j = 0; j < 4; j++) {
                sum = floats(bytes(off + 2 + 8 * j)).fma(FloatVector.fromArray(F, x, 32 * k + 8 * j), sum);
            }
            acc = sum.fma(FloatVector.broadcast(F, half(off)), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private float dotQ4_0(long base, float[] x) {
        FloatVector acc = FloatVector.zero(F);
        for (int k = 0; k < cols / 32; k++) {
            long off = base + 18L * k;
            FloatVector sum = FloatVector.zero(F);
            for (int h = 0; h < 2; h++) {
                IntVector q = unsigned(off + 2 + 8 * h);
                sum = floats(q.and(0xf).sub(8)).fma(FloatVector.fromArray(F, x, 32 * k + 8 * h), sum);
                sum = floats(q.lanewise(VectorOperators.LSHR, 4).sub(8)).fma(FloatVector.fromArray(F, x, 32 * k + 16 + 8 * h), sum);
            }
            acc = sum.fma(FloatVector.broadcast(F, half(off)), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private float dotQ4K(long base, float[] x, float[] blockSums) {
        FloatVector acc = FloatVector.zero(F);
        float mins = 0;
        ByteBuffer b = data;
        for (int k = 0; k < cols / 256; k++) {
            long off = base + 144L * k;
            float d = half(off);
            float dmin = half(off + 2);
            int scales = (int) off + 4;
            long qs = off + 16;
            for (int j = 0; j < 4; j++) {
                FloatVector lo = FloatVector.zero(F);
                FloatVector hi = FloatVector.zero(F);
                int xo = 256 * k + 64 * j;
                for (int l = 0; l < 32; l += 8) {
                    IntVector q = unsigned(qs + 32 * j + l);
                    lo = floats(q.and(0xf)).fma(FloatVector.fromArray(F, x, xo + l), lo);
                    hi = floats(q.lanewise(VectorOperators.LSHR, 4)).fma(FloatVector.fromArray(F, x, xo + 32 + l), hi);
                }
                acc = lo.fma(FloatVector.broadcast(F, d * GgmlBlocks.scale(b, scales, 2 * j)), acc);
                acc = hi.fma(FloatVector.broadcast(F, d * GgmlBlocks.scale(b, scales, 2 * j + 1)), acc);
                mins += dmin * (GgmlBlocks.min(b, scales, 2 * j) * blockSums[8 * k + 2 * j]
                        + GgmlBlocks.min(b, scales, 2 * j + 1) * blockSums[8 * k + 2 * j + 1]);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD) - mins;
    }

    private float dotQ6K(long base, float[] x) {
        FloatVector acc = FloatVector.zero(F);
        for (int k = 0; k < cols / 256; k++) {
            long off = base + 210L * k;
            float d = half(off + 208);
            for (int n = 0; n < 2; n++) {
                long ql = off + 64 * n;
                long qh = off + 128 + 32 * n;
                long sc = off + 192 + 8 * n;
                int xo = 256 * k + 128 * n;
                for (int l = 0; l < 32; l += 8) {
                    int is = l / 16;
                    IntVector a = unsigned(ql + l);
                    IntVector c = unsigned(ql + l + 32);
                    IntVector h = unsigned(qh + l);
                    IntVector q1 = a.and(0xf).or(h.and(3).lanewise(VectorOperators.LSHL, 4)).sub(32);
                    IntVector q2 = c.and(0xf).or(h.lanewise(VectorOperators.LSHR, 2).and(3).lanewise(VectorOperators.LSHL, 4)).sub(32);
                    IntVector q3 = a.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 4).and(3)
                            .lanewise(VectorOperators.LSHL, 4)).sub(32);
                    IntVector q4 = c.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 6)
                            .lanewise(VectorOperators.LSHL, 4)).sub(32);
                    acc = floats(q1).mul(FloatVector.fromArray(F, x, xo + l)).fma(FloatVector.broadcast(F, d * bytes[(int) sc + is]), acc);
                    acc = floats(q2).mul(FloatVector.fromArray(F, x, xo + 32 + l)).fma(FloatVector.broadcast(F, d * bytes[(int) sc + is + 2]), acc);
                    acc = floats(q3).mul(FloatVector.fromArray(F, x, xo + 64 + l)).fma(FloatVector.broadcast(F, d * bytes[(int) sc + is + 4]), acc);
                    acc = floats(q4).mul(FloatVector.fromArray(F, x, xo + 96 + l)).fma(FloatVector.broadcast(F, d * bytes[(int) sc + is + 6]), acc);
                }
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
