package io.hallmark.imagegen.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatentsTest {

    @Test
    void noiseIsStandardNormalAndTheSameForASeed() {
        float[] a = Latents.noise(42, 100_000);
        assertThat(Latents.noise(42, 100_000)).isEqualTo(a);
        assertThat(Latents.noise(43, 100_000)).isNotEqualTo(a);
        double mean = 0;
        double sq = 0;
        for (float v : a) {
            mean += v;
            sq += v * v;
        }
        mean /= a.length;
        double variance = sq / a.length - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.02));
        assertThat(variance).isCloseTo(1, within(0.02));
    }

    @Test
    void theFirstLatentsOfABatchDoNotDependOnTheBatchSize() {
        List<float[]> two = Latents.noise(7, 2, 20);
        List<float[]> five = Latents.noise(7, 5, 20);
        assertThat(five.get(0)).isEqualTo(two.get(0));
        assertThat(five.get(1)).isEqualTo(two.get(1));
        assertThat(five.get(2)).isNotEqualTo(five.get(1));
    }

    @Test
    void slerpStartsAndEndsAtItsEndpointsAndKeepsATypicalNorm() {
        float[] a = Latents.noise(1, 64);
        float[] b = Latents.noise(2, 64);
        assertThat(Latents.slerp(a, b, 0)).containsExactly(a, within(1e-5f));
        assertThat(Latents.slerp(a, b, 1)).containsExactly(b, within(1e-5f));
        double na = norm(a);
        double nb = norm(b);
        double mid = norm(Latents.slerp(a, b, 0.5));
        assertThat(mid).isCloseTo((na + nb) / 2, within(1e-3));
        double linearMid = 0;
        for (int i = 0; i < a.length; i++) {
            linearMid += Math.pow((a[i] + b[i]) / 2.0, 2);
        }
        assertThat(Math.sqrt(linearMid)).as("a straight line sags toward the origin").isLessThan(mid * 0.85);
    }

    @Test
    void aTrajectoryMovesInSmallStepsThroughItsKeyframes() {
        List<float[]> frames = Latents.trajectory(5, 25, 12, 20);
        List<float[]> keys = Latents.noise(5, 3, 20);
        assertThat(frames).hasSize(25);
        assertThat(frames.getFirst()).containsExactly(keys.get(0), within(1e-5f));
        assertThat(frames.get(12)).containsExactly(keys.get(1), within(1e-5f));
        assertThat(frames.getLast()).containsExactly(keys.get(2), within(1e-5f));
        double jump = distance(keys.get(0), keys.get(1));
        for (int i = 1; i < frames.size(); i++) {
            assertThat(distance(frames.get(i - 1), frames.get(i))).isLessThan(jump / 5);
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> Latents.slerp(new float[3], new float[4], 0.5)).hasMessageContaining("sizes 3 and 4");
        assertThatThrownBy(() -> Latents.slerp(new float[3], new float[3], 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Latents.trajectory(1, 0, 4, 20)).hasMessageContaining("at least one frame");
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], 2);
        }
        return Math.sqrt(s);
    }
}
