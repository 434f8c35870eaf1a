package io.hallmark.governance.safety;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PrototypeDot#dot} on the Vector API, 256-bit lanes. Loaded only when the JVM has {@code
 * jdk.incubator.vector} ({@link PrototypeDot#VECTOR}).
 */
final class VectorPrototypeDot {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    private VectorPrototypeDot() {}

    /** Whether the CPU runs 256-bit float vectors natively (else the plain loop is faster). */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize()
                && S.length() == PrototypeDot.LANES;
    }

    static float dot(float[] m, int off, float[] q, int n) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        int lanes = PrototypeDot.LANES;
        int i = 0;
        for (; i + 2 * lanes <= n; i += 2 * lanes) {
            a0 = FloatVector.fromArray(S, m, off + i).fma(FloatVector.fromArray(S, q, i), a0);
            a1 = FloatVector.fromArray(S, m, off + i + lanes).fma(FloatVector.fromArray(S, q, i + lanes), a1);
        }
        if (i + lanes <= n) {
            a0 = FloatVector.fromArray(S, m, off + i).fma(FloatVector.fromArray(S, q, i), a0);
            i += lanes;
        }
        FloatVector a = a0.add(a1);
        float sum = 0;
        for (int l = 0; l < lanes; l++) {
            sum += a.lane(l);
        }
        for (; i < n; i++) {
            sum = Math.fma(m[off + i], q[i], sum);
        }
        return sum;
    }
}
