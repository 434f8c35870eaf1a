package io.hallmark.imagegen.latent;

/**
 * A seeded source of standard normal numbers that gives the same sequence for a seed on every machine and Java
 * version: SplitMix64 for uniform bits and the Box-Muller transform for normals (both values of each pair are
 * used). Not thread-safe; cheap to create, one per generation.
 */
public final class GaussianNoise {

    private long state;
    private double spare = Double.NaN;

    public GaussianNoise(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits (SplitMix64). */
    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in (0, 1]: never 0, so the logarithm below is finite. */
    private double nextUniform() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** The next standard normal number. */
    public double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double radius = Math.sqrt(-2 * Math.log(nextUniform()));
        double angle = 2 * Math.PI * nextUniform();
        spare = radius * Math.sin(angle);
        return radius * Math.cos(angle);
    }

    /** The next {@code size} standard normal numbers as floats. */
    public float[] next(int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) nextGaussian();
        }
        return v;
    }
}
