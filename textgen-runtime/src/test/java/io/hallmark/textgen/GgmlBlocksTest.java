package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GgmlBlocksTest {

    /** Root-mean-square error of a round trip, relative to the values' RMS, that each type's bits allow. */
    private static double bound(TensorType type) {
        return switch (type) {
            case F32 -> 1e-7;
            case F16 -> 1e-3;
            case BF16 -> 5e-3;
            case Q8_0 -> 0.01;
            case Q6_K -> 0.04;
            case Q5_K -> 0.06;
            case Q4_0, Q4_K -> 0.13;
        };
    }

    @ParameterizedTest
    @EnumSource(TensorType.class)
    void aRoundTripLosesNoMoreThanTheTypesBitsAllow(TensorType type) {
        float[] values = gaussian(4 * 256, 7);
        byte[] stored = GgmlBlocks.quantize(type, values);
        assertThat(stored).hasSize((int) type.bytes(values.length));
        float[] back = GgmlBlocks.dequantize(type, ByteBuffer.wrap(stored), values.length);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            err += (back[i] - values[i]) * (double) (back[i] - values[i]);
            norm += values[i] * (double) values[i];
        }
        assertThat(Math.sqrt(err / norm)).as("relative RMS error of %s", type).isLessThan(bound(type));
    }

    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = "F32", mode = EnumSource.Mode.EXCLUDE)
    void theBlockwiseProductEqualsTheProductOfTheDequantizedRowsForOneAndSeveralInputs(TensorType type) {
        int rows = 37;
        int cols = type.quantized() ? 512 : 523; // half-precision rows that do not fill the last vector too
        float[] w = gaussian(rows * cols, 11);
        byte[] stored = GgmlBlocks.quantize(type, w);
        RawTensor tensor = new RawTensor("w", new long[] {rows, cols}, type, ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN));
        QuantizedMatrix m = new QuantizedMatrix(tensor, false); // the 8-bit activations of Q4_K, Q5_K, Q6_K: Int8KernelTest
        float[] dense = tensor.toFloats();
        for (int n : new int[] {1, 3}) {
            float[] x = gaussian(n * cols, 13 + n);
            float[] out = new float[n * rows];
            m.multiply(x, n, out);
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    double expected = 0;
                    for (int c = 0; c < cols; c++) {
                        expected += dense[r * cols + c] * (double) x[i * cols + c];
                    }
                    assertThat((double) out[i * rows + r]).as("%s row %d input %d of %d", type, r, i, n)
                            .isCloseTo(expected, within(1e-3 * Math.sqrt(cols)));
                }
            }
        }
        assertThat(m.bytes()).isEqualTo(stored.length);
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * (1 + (i / 32) % 3)); // blocks of different ranges
        }
        return v;
    }
}
