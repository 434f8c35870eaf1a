package io.hallmark.textgen;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activations quantized to 8 bits as ggml's Q8_K does it, once per product so that the integer kernels of
 * {@link QuantizedMatrix} can take integer dot products: per 256 values one float scale ({@code max |x| / 127}) and
 * the values rounded to the nearest integer in -127..127 (ties to even), plus the integer sums of every 32 and every 16
 * of them (the Q4_K/Q5_K min term, {@code dmin * m * sum(x)}, and Q6_K's offset of 32 are then integer products
 * shared by every weight row).
 *
 * <p>The values are kept as 16-bit integers, the width the kernels multiply at (the Vector API has no 8-bit
 * multiply-add), so they are read without a widening conversion.
 *
 * @param values {@code length} values, each in -127..127
 * @param scales one per 256 values: value times scale is the activation
 * @param sums one per 32 values: their sum
 * @param halfSums one per 16 values: their sum (Q6_K's offset of 32, {@code 32 * scale * sum(x)} per 16 weights)
 */
record Int8Activations(short[] values, float[] scales, int[] sums, int[] halfSums) {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    /** 1.5 * 2^23: adding it to a float of magnitude below 2^22 rounds it to an integer in the low mantissa bits. */
    private static final float ROUND = 12582912f;

    /** Quantizes {@code x[0..length)}; {@code length} is a multiple of 256. */
    static Int8Activations of(float[] x, int length) {
        if (length % 256 != 0) {
            throw new IllegalArgumentException("8-bit activations come in blocks of 256, not " + length);
        }
        short[] values = new short[length];
        float[] scales = new float[length / 256];
        int[] sums = new int[length / 32];
        int[] halfSums = new int[length / 16];
        for (int b = 0; b < scales.length; b++) {
            int o = 256 * b;
            FloatVector max = FloatVector.zero(F);
            for (int l = 0; l < 256; l += F.length()) {
                max = max.max(FloatVector.fromArray(F, x, o + l).abs());
            }
            float amax = max.reduceLanes(VectorOperators.MAX);
            if (!Float.isFinite(amax)) {
                throw new IllegalArgumentException("Activation values " + o + ".." + (o + 255) + " are not all finite");
            }
            if (amax == 0) {
                continue; // values, scale and sums stay 0
            }
            scales[b] = amax / 127;
            float inverse = 127 / amax;
            for (int s = 0; s < 16; s++) {
                int sum = 0;
                for (int l = 16 * s; l < 16 * s + 16; l += F.length()) {
                    IntVector q = FloatVector.fromArray(F, x, o + l).mul(inverse).add(ROUND).reinterpretAsInts()
                            .sub(Float.floatToRawIntBits(ROUND));
                    sum += q.reduceLanes(VectorOperators.ADD);
                    q.convertShape(VectorOperators.I2S, ShortVector.SPECIES_128, 0).reinterpretAsShorts().intoArray(values, o + l);
                }
                halfSums[16 * b + s] = sum;
                sums[8 * b + s / 2] += sum;
            }
        }
        return new Int8Activations(values, scales, sums, halfSums);
    }
}
