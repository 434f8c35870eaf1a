package io.hallmark.governance.safety;

/**
 * The dot product {@link PrototypeSet} scores a query by, one prototype row at a time: on the Vector API in 256-bit
 * lanes ({@link VectorPrototypeDot}) when the JVM has {@code jdk.incubator.vector} (every JVM that runs Hallmark adds
 * it: the {@code hallmark} launcher, the Docker image, surefire) and the CPU has 256-bit vectors, else in plain Java.
 * Both sum in the same order with the same fused multiply-adds (16 running sums, lane by lane, then the 8 pairs in
 * order, then the rest), so a score is the same to the last bit whichever runs, on any machine.
 */
final class PrototypeDot {

    /** The lanes of one vector; two vectors of running sums. */
    static final int LANES = 8;

    /** Whether {@link VectorPrototypeDot} runs. */
    static final boolean VECTOR = vectorAvailable();

    private PrototypeDot() {}

    /** The dot product of {@code m[off .. off + n)} and {@code q[0 .. n)}. */
    static float dot(float[] m, int off, float[] q, int n) {
        return VECTOR ? VectorPrototypeDot.dot(m, off, q, n) : scalar(m, off, q, n);
    }

    /** {@link #dot} in plain Java, in the vector code's order. */
    static float scalar(float[] m, int off, float[] q, int n) {
        float[] a = new float[2 * LANES];
        int i = 0;
        for (; i + 2 * LANES <= n; i += 2 * LANES) {
            for (int l = 0; l < 2 * LANES; l++) {
                a[l] = Math.fma(m[off + i + l], q[i + l], a[l]);
            }
        }
        if (i + LANES <= n) {
            for (int l = 0; l < LANES; l++) {
                a[l] = Math.fma(m[off + i + l], q[i + l], a[l]);
            }
            i += LANES;
        }
        float sum = 0;
        for (int l = 0; l < LANES; l++) {
            sum += a[l] + a[l + LANES];
        }
        for (; i < n; i++) {
            sum = Math.fma(m[off + i], q[i], sum);
        }
        return sum;
    }

    private static boolean vectorAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorPrototypeDot.supported();
        } catch (LinkageError e) {
            return false;
        }
    }
}
