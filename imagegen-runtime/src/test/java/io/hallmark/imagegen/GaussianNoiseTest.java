package io.hallmark.imagegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianNoiseTest {

    @Test
    void drawsTheSequenceJavaUtilRandomSpecifies() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE, 20261128}) {
            GaussianNoise ours = new GaussianNoise(seed);
            Random reference = new Random(seed);
            for (int i = 0; i < 1001; i++) {
                assertThat(ours.nextGaussian()).as("seed %d, draw %d", seed, i).isEqualTo(reference.nextGaussian());
            }
        }
    }

    @Test
    void sameSeedSameFloatsDifferentSeedDifferentFloats() {
        assertThat(new GaussianNoise(5).nextFloats(256, 1.0)).containsExactly(new GaussianNoise(5).nextFloats(256, 1.0));
        assertThat(new GaussianNoise(5).nextFloats(256, 1.0)).isNotEqualTo(new GaussianNoise(6).nextFloats(256, 1.0));
    }

    @Test
    void isRoughlyStandardNormal() {
        float[] v = new GaussianNoise(3).nextFloats(100_000, 1.0);
        double mean = 0;
        double sq = 0;
        for (float x : v) {
            mean += x;
            sq += x * x;
        }
        mean /= v.length;
        double variance = sq / v.length - mean * mean;
        assertThat(mean).isBetween(-0.02, 0.02);
        assertThat(variance).isBetween(0.97, 1.03);
    }
}
