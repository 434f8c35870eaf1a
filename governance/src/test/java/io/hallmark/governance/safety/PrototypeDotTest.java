package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The prototypes' dot product gives the same bits on the Vector API and in plain Java (surefire adds the module). */
class PrototypeDotTest {

    @Test
    void theVectorAndThePlainDotProductAgreeToTheLastBitAndWithADoubleSum() {
        // surefire runs with jdk.incubator.vector; on a CPU without 256-bit vectors the Vector API emulates them (slow,
        // same bits), and PrototypeDot.dot runs the plain loop
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 24, 31, 384, 385}) {
            for (int trial = 0; trial < 20; trial++) {
                int off = random.nextInt(5);
                float[] m = new float[off + n + 3];
                float[] q = new float[n];
                for (int i = 0; i < m.length; i++) {
                    m[i] = (float) random.nextGaussian();
                }
                double exact = 0;
                for (int i = 0; i < n; i++) {
                    q[i] = (float) random.nextGaussian();
                    exact += (double) m[off + i] * q[i];
                }
                float vector = VectorPrototypeDot.dot(m, off, q, n);
                assertThat(Float.floatToIntBits(vector)).as("n=%d", n)
                        .isEqualTo(Float.floatToIntBits(PrototypeDot.scalar(m, off, q, n)));
                assertThat((double) vector).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-4 * n));
            }
        }
    }
}
