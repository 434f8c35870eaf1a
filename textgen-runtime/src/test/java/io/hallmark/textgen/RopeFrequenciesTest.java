package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The RoPE speeds and magnitudes, on numbers worked out by hand from llama.cpp's formulas. */
class RopeFrequenciesTest {

    /** 64-wide heads, base 10000: pair i turns at 10000^(-i/32). */
    private static LlamaConfig shape(Architecture.RopeScaling scaling) {
        return RandomModels.SHAPE.withArchitecture(Architecture.LLAMA.withRopeScaling(scaling));
    }

    private static double plain(int i) {
        return Math.pow(10000, -i / 32.0);
    }

    @Test
    void yarnKeepsTheFastPairsDividesTheSlowOnesAndRampsBetween() {
        LlamaConfig c = shape(new Architecture.RopeScaling("yarn", 4f, 64, 1f));
        // 64 * ln(64 / (32 * 2 pi)) / (2 ln 10000) = -3.98 -> floor -4 -> 0; with 1 turn: 8.07 -> ceil 9
        assertThat(RopeFrequencies.correctionRange(64, 64, 10000f)).containsExactly(0f, 9f);
        float[] f = RopeFrequencies.inverseFrequencies(c, null);
        assertThat((double) f[0]).isCloseTo(plain(0), within(1e-6)); // ramp 1: unscaled
        double kept = 1 - 3 / 9.0; // pair 3 keeps 2/3 of its own speed and takes 1/3 of the divided one
        assertThat((double) f[3]).isCloseTo(plain(3) * (kept + (1 - kept) / 4), within(1e-6));
        for (int i = 9; i < 32; i++) {
            assertThat((double) f[i]).isCloseTo(plain(i) / 4, within(1e-7 + 1e-6 * plain(i)));
        }
        assertThat(RopeFrequencies.magnitude(c)).isCloseTo((float) (1 + 0.1 * Math.log(4)), within(1e-6f));
    }

    @Test
    void linearScalingAndPerFrequencyFactorsDivideEveryPairAndTheAttentionFactorScalesAnyType() {
        LlamaConfig c = shape(new Architecture.RopeScaling("linear", 2f, 0, 1.25f));
        float[] factors = new float[32];
        java.util.Arrays.fill(factors, 3f);
        float[] f = RopeFrequencies.inverseFrequencies(c, factors);
        for (int i = 0; i < 32; i++) {
            assertThat((double) f[i]).isCloseTo(plain(i) / 6, within(1e-6 * plain(i)));
        }
        assertThat(RopeFrequencies.magnitude(c)).isEqualTo(1.25f);
        assertThat(RopeFrequencies.magnitude(shape(Architecture.RopeScaling.NONE))).isEqualTo(1f);
    }
}
