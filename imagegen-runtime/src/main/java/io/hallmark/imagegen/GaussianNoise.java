package io.hallmark.imagegen;

/**
 * A seeded source of standard normal noise whose sequence is fixed by the seed on every machine and JVM: the 48-bit
 * linear congruential generator and polar Box-Muller method that {@link java.util.Random}'s specification spells
 * out, computed here with {@link StrictMath} so the bits never depend on the platform. The same seed therefore gives
 * the same latents as {@code new java.util.Random(seed).nextGaussian()} (what the fixtures' reference runs use).
 */
public final class GaussianNoise {

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;

    private long state;
    private double pending;
    private boolean hasPending;

    public GaussianNoise(long seed) {
        this.state = (seed ^ MULTIPLIER) & MASK;
    }

    /** The next standard normal value. */
    public double nextGaussian() {
        if (hasPending) {
            hasPending = false;
            return pending;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        pending = v2 * multiplier;
        hasPending = true;
        return v1 * multiplier;
    }

    /** {@code n} values, each cast to float and multiplied by {@code scale}. */
    public float[] nextFloats(int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((float) nextGaussian() * scale);
        }
        return out;
    }

    private double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
    }

    private int next(int bits) {
        state = (state * MULTIPLIER + 0xBL) & MASK;
        return (int) (state >>> (48 - bits));
    }
}
