package io.hallmark.imagegen.latent;

import io.hallmark.imagegen.GaussianNoise;
import java.util.ArrayList;
import java.util.List;

/** Latent vectors: seeded noise and spherical interpolation between them. */
public final class Latents {

    private Latents() {}

    /**
     * {@code count} latent vectors of {@code size} standard normal values drawn from one seeded stream: vector
     * {@code i} depends only on the seed and {@code i}, so the first images of a larger batch equal a smaller one's.
     */
    public static List<float[]> noise(long seed, int count, int size) {
        GaussianNoise noise = new GaussianNoise(seed);
        List<float[]> latents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            latents.add(noise.nextFloats(size, 1.0));
        }
        return latents;
    }

    /** One latent vector for a seed (the first of {@link #noise}). */
    public static float[] noise(long seed, int size) {
        return new GaussianNoise(seed).nextFloats(size, 1.0);
    }

    /**
     * Spherical linear interpolation from {@code a} ({@code t = 0}) to {@code b} ({@code t = 1}) along the great
     * circle between their directions, with the norm interpolated linearly: Gaussian latents keep a typical norm
     * all the way, unlike a straight line that passes near the origin. Nearly parallel vectors fall back to
     * linear interpolation.
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Cannot interpolate latents of sizes " + a.length + " and " + b.length);
        }
        if (t < 0 || t > 1 || Double.isNaN(t)) {
            throw new IllegalArgumentException("Interpolation position must be in [0, 1], was " + t);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        na = Math.sqrt(na);
        nb = Math.sqrt(nb);
        float[] out = new float[a.length];
        double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / (na * nb)));
        if (cos > 0.9995) {
            for (int i = 0; i < a.length; i++) {
                out[i] = (float) ((1 - t) * a[i] + t * b[i]);
            }
            return out;
        }
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        // slerp of the unit directions, scaled by the linearly interpolated norm
        double norm = (1 - t) * na + t * nb;
        double[] dir = new double[a.length];
        double dn = 0;
        for (int i = 0; i < a.length; i++) {
            dir[i] = wa * a[i] / na + wb * b[i] / nb;
            dn += dir[i] * dir[i];
        }
        dn = Math.sqrt(dn);
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (dir[i] / dn * norm);
        }
        return out;
    }

    /**
     * A smooth trajectory of {@code frames} latents through keyframes drawn from {@code seed} (one keyframe per
     * {@code framesPerKey} frames, at least two): consecutive keyframes are joined by {@link #slerp}, the first
     * frame is the first keyframe and the last frame the last keyframe.
     */
    public static List<float[]> trajectory(long seed, int frames, int framesPerKey, int size) {
        if (frames < 1) {
            throw new IllegalArgumentException("A trajectory needs at least one frame, was " + frames);
        }
        if (framesPerKey < 1) {
            throw new IllegalArgumentException("Frames per keyframe must be at least 1, was " + framesPerKey);
        }
        int segments = Math.max(1, (int) Math.ceil((frames - 1) / (double) framesPerKey));
        List<float[]> keys = noise(seed, segments + 1, size);
        List<float[]> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            double position = frames == 1 ? 0 : (double) f * segments / (frames - 1);
            int segment = Math.min((int) position, segments - 1);
            double t = Math.min(1, position - segment);
            out.add(slerp(keys.get(segment), keys.get(segment + 1), t));
        }
        return out;
    }
}
