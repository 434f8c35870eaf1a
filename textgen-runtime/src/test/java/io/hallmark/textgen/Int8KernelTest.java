package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Q4_K, Q5_K and Q6_K kernels that take 8-bit activations ({@link Int8Activations}) against dequantize-then-dot:
 * exact (to float rounding) against the dequantized weights times the dequantized 8-bit activations, which checks
 * the integer arithmetic (bit fields, scales, mins or Q6_K's offset of 32, the 16-bit products and their sums); and
 * within the rounding of the activations against the float activations, on blocks from our quantizer and on random
 * bytes.
 */
class Int8KernelTest {

    @Test
    void theQuantizedActivationsAreTheNearestStepsOfTheirBlocksScale() {
        float[] x = GgmlBlocksTest.gaussian(3 * 256, 5);
        x[256 + 7] = -40; // the largest magnitude of the second block, negative
        Int8Activations q = Int8Activations.of(x, x.length);
        for (int b = 0; b < 3; b++) {
            float amax = 0;
            for (int l = 0; l < 256; l++) {
                amax = Math.max(amax, Math.abs(x[256 * b + l]));
            }
            assertThat(q.scales()[b]).isEqualTo(amax / 127);
            for (int s = 0; s < 8; s++) {
                int sum = 0;
                for (int l = 32 * s; l < 32 * s + 32; l++) {
                    int v = q.values()[256 * b + l];
                    assertThat(v).isBetween(-127, 127);
                    assertThat((double) v).isEqualTo(Math.rint(x[256 * b + l] * (127 / amax)));
                    sum += v;
                }
                assertThat(q.sums()[8 * b + s]).isEqualTo(sum);
                int firstHalf = 0;
                for (int l = 32 * s; l < 32 * s + 16; l++) {
                    firstHalf += q.values()[256 * b + l];
                }
                assertThat(q.halfSums()[16 * b + 2 * s]).isEqualTo(firstHalf);
                assertThat(q.halfSums()[16 * b + 2 * s + 1]).isEqualTo(sum - firstHalf);
            }
        }
        assertThat(q.values()[256 + 7]).isEqualTo((short) -127);
    }

    @Test
    void aZeroBlockQuantizesToZerosAndANonFiniteOneIsRefused() {
        float[] x = new float[512];
        x[300] = 1;
        Int8Activations q = Int8Activations.of(x, x.length);
        assertThat(q.scales()[0]).isZero();
        assertThat(q.values()[0]).isZero();
        assertThat(q.values()[300]).isEqualTo((short) 127);
        x[3] = Float.NaN;
        assertThatThrownBy(() -> Int8Activations.of(x, x.length)).hasMessageContaining("0..255 are not all finite");
        x[3] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Int8Activations.of(x, x.length)).hasMessageContaining("not all finite");
        assertThatThrownBy(() -> Int8Activations.of(new float[100], 100)).hasMessageContaining("blocks of 256");
    }

    @Test
    void hallmarkTextgenInt8ChoosesTheTypesThatTake8BitActivations() {
        assertThat(QuantizedMatrix.int8Types("Q4_K")).containsExactly(TensorType.Q4_K);
        assertThat(QuantizedMatrix.int8Types(" Q6_K, Q4_K,Q5_K ")).containsExactlyInAnyOrder(TensorType.Q4_K,
                TensorType.Q5_K, TensorType.Q6_K);
        assertThat(QuantizedMatrix.int8Types("")).isEmpty();
        assertThatThrownBy(() -> QuantizedMatrix.int8Types("Q4_K,Q8_0"))
                .hasMessage("hallmark.textgen.int8 lists types of [Q4_K, Q5_K, Q6_K], not 'Q8_0'");
        assertThatThrownBy(() -> QuantizedMatrix.int8Types("q6_k")).hasMessageContaining("not 'q6_k'");
    }

    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void byDefaultOnlyQ4KTakes8BitActivations(TensorType type) {
        int rows = 5;
        int cols = 512;
        RawTensor tensor = new RawTensor("w", new long[] {rows, cols}, type,
                ByteBuffer.wrap(GgmlBlocks.quantize(type, GgmlBlocksTest.gaussian(rows * cols, 3))).order(ByteOrder.LITTLE_ENDIAN));
        float[] x = GgmlBlocksTest.gaussian(cols, 4);
        float[] byDefault = new float[rows];
        float[] expected = new float[rows];
        new QuantizedMatrix(tensor).multiply(x, 1, byDefault);
        new QuantizedMatrix(tensor, type == TensorType.Q4_K).multiply(x, 1, expected);
        assertThat(byDefault).containsExactly(expected);
    }

    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void theIntegerKernelEqualsDequantizeThenDot(TensorType type) {
        int rows = 37;
        int cols = 1024;
        float[] w = GgmlBlocksTest.gaussian(rows * cols, 21);
        w[5] = 60; // a wide super-block: 6-bit scales and mins near their top
        check(type, GgmlBlocks.quantize(type, w), rows, cols);
    }

    /**
     * Random bytes as blocks (only the float16 scales kept finite and small), so that every scale and bit pattern
     * occurs, Q6_K's negative scales and -128 included, which ggml's quantizer writes and ours does not; the first
     * row is all ones bits (weights at their top, Q6_K's scales -1) and meets a block of activations at +127: the
     * largest sums the 16-bit lanes hold.
     */
    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void randomBlocksIncludingTheExtremes(TensorType type) {
        int rows = 21;
        int cols = 768;
        int blockBytes = type.blockBytes();
        byte[] stored = new byte[Math.toIntExact(type.bytes((long) rows * cols))];
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (byte) random.nextInt(256);
        }
        java.util.Arrays.fill(stored, 0, Math.toIntExact(type.bytes(cols)), (byte) 0xff);
        for (int block = 0; block < stored.length / blockBytes; block++) {
            int o = block * blockBytes;
            // Q6_K's d is its last two bytes; Q4_K's and Q5_K's d and dmin its first four
            int[] halves = type == TensorType.Q6_K ? new int[] {o + blockBytes - 2} : new int[] {o, o + 2};
            for (int h : halves) {
                float scale = (float) ((random.nextDouble() * 2 - 1) * 0.01);
                if (block < 3) {
                    scale = 0.004f; // the first row: a positive d (and dmin)
                }
                short bits = Float.floatToFloat16(scale);
                stored[h] = (byte) bits;
                stored[h + 1] = (byte) (bits >> 8);
            }
        }
        check(type, stored, rows, cols);
    }

    private static void check(TensorType type, byte[] stored, int rows, int cols) {
        RawTensor tensor = new RawTensor("w", new long[] {rows, cols}, type,
                ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN));
        QuantizedMatrix integer = new QuantizedMatrix(tensor, true);
        QuantizedMatrix floats = new QuantizedMatrix(tensor, false);
        float[] dense = tensor.toFloats();
        for (int n : new int[] {1, 3}) {
            float[] x = GgmlBlocksTest.gaussian(n * cols, 31 + n);
            x[0] = 25; // one block where the rest rounds to few steps
            java.util.Arrays.fill(x, 256, 512, 3f); // one block of +127s
            Int8Activations q = Int8Activations.of(x, x.length);
            float[] out = new float[n * rows];
            float[] reference = new float[n * rows];
            integer.multiply(x, n, out);
            floats.multiply(x, n, reference);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    double onQuantized = 0; // dequantized weights times the dequantized 8-bit activations
                    double onFloats = 0;
                    double magnitude = 0;
                    double rounding = 0; // spread of the activations' rounding (uniform in half a step each way)
                    for (int c = 0; c < cols; c++) {
                        int at = i * cols + c;
                        double wc = dense[r * cols + c];
                        double step = q.scales()[at / 256];
                        onQuantized += wc * q.values()[at] * step;
                        onFloats += wc * x[at];
                        magnitude += Math.abs(wc * x[at]);
                        rounding += wc * wc * step * step / 12;
                    }
                    double got = out[i * rows + r];
                    assertThat(got).as("%s row %d input %d of %d, integer arithmetic", type, r, i, n)
                            .isCloseTo(onQuantized, org.assertj.core.data.Offset.offset(1e-5 * magnitude));
                    assertThat(Math.abs(got - onFloats)).as("%s row %d input %d of %d, activation rounding", type, r, i, n)
                            .isLessThan(6 * Math.sqrt(rounding));
                    assertThat((double) reference[i * rows + r]).as("the float kernel of %s, row %d", type, r)
                            .isCloseTo(onFloats, org.assertj.core.data.Offset.offset(1e-5 * magnitude));
                    worst = Math.max(worst, Math.abs(got - onFloats) / Math.sqrt(rounding));
                }
            }
            assertThat(worst).as("the rounding is there, so the two paths really differ").isGreaterThan(0);
        }
        float[] infinite = new float[cols];
        infinite[700] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> integer.multiply(infinite, 1, new float[rows]))
                .hasMessage("Tensor 'w' [" + rows + ", " + cols + "]: Activation values 512..767 are not all finite");
        float[] nan = new float[cols];
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> integer.multiply(nan, 1, new float[rows]))
                .hasMessage("Tensor 'w' [" + rows + ", " + cols + "]: Activation values 0..255 are not all finite");
    }
}
