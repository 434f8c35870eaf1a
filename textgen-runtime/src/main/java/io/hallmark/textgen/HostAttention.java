package io.hallmark.textgen;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Attention on Java arrays, for the models whose matrices all stay in blocks ({@link LlamaModel}'s host rows): RoPE
 * on the rows' queries and keys, the keys and values appended to the sequence's cache (Java arrays in
 * {@link Sequence}, {@code [positions, kvHeads, hd]}, grown as the sequence grows), and each query head against the
 * cached positions it may see. The same arithmetic as the
 * NDArray version in {@link LlamaModel} (scores scaled after the dot product, then soft-capped, then the softmax, then
 * the values weighted), with sums taken in another order.
 */
final class HostAttention {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

    private HostAttention() {}

    /** The cosines and sines of each row's RoPE angles, {@code [rows, headSize / 2]}, times {@code magnitude}. */
    static float[][] ropeTables(float[] positions, float[] invFreq, float magnitude) {
        int half = invFreq.length;
        float[] cos = new float[positions.length * half];
        float[] sin = new float[positions.length * half];
        for (int r = 0; r < positions.length; r++) {
            for (int i = 0; i < half; i++) {
                float angle = positions[r] * invFreq[i];
                cos[r * half + i] = (float) Math.cos(angle);
                sin[r * half + i] = (float) Math.sin(angle);
                if (magnitude != 1f) {
                    cos[r * half + i] *= magnitude;
                    sin[r * half + i] *= magnitude;
                }
            }
        }
        return new float[][] {cos, sin};
    }

    /**
     * Rotates each head of each row of {@code x [rows, heads, hd]} in place: adjacent pairs (2i, 2i+1) for llama,
     * pairs across the halves (i, i + hd/2) for the GPT-NeoX order.
     */
    static void rope(float[] x, int heads, int hd, float[][] tables, boolean neox) {
        float[] cos = tables[0];
        float[] sin = tables[1];
        int half = hd / 2;
        int rows = x.length / (heads * hd);
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < heads; h++) {
                int base = (r * heads + h) * hd;
                for (int i = 0; i < half; i++) {
                    int a = neox ? base + i : base + 2 * i;
                    int b = neox ? base + i + half : base + 2 * i + 1;
                    float c = cos[r * half + i];
                    float s = sin[r * half + i];
                    float x0 = x[a];
                    float x1 = x[b];
                    x[a] = x0 * c - x1 * s;
                    x[b] = x0 * s + x1 * c;
                }
            }
        }
    }

    /** What the heads of one chunk's rows attend with: the layer's settings and the chunk's place in the step. */
    record Chunk(float[] q, float[] out, float[] keys, float[] values, int start, int t, int past, int heads,
            int kvHeads, int hd, float scale, float softcap, int window) {}

    /**
     * Units {@code from..to} of a chunk, one unit a (row, head): its scores over the positions it sees (up to its
     * own; with a sliding {@code window}, not {@code window} or more before it), soft-capped where the model says,
     * the softmax, and the values so weighted, into {@code out [rows, heads, hd]}.
     */
    static void heads(Chunk c, int from, int to) {
        int group = c.heads() / c.kvHeads();
        int hd = c.hd();
        float[] scores = new float[c.past() + c.t()];
        for (int u = from; u < to; u++) {
            int i = u / c.heads();
            int h = u % c.heads();
            int pos = c.past() + i;
            int lo = c.window() > 0 ? Math.max(0, pos - c.window() + 1) : 0;
            int q = ((c.start() + i) * c.heads() + h) * hd;
            int kh = h / group;
            int stride = c.kvHeads() * hd;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = lo; j <= pos; j++) {
                float s = dot(c.q(), q, c.keys(), j * stride + kh * hd, hd) * c.scale();
                if (c.softcap() > 0) {
                    s = (float) Math.tanh(s / c.softcap()) * c.softcap();
                }
                scores[j] = s;
                max = Math.max(max, s);
            }
            float sum = 0;
            for (int j = lo; j <= pos; j++) {
                scores[j] = (float) Math.exp(scores[j] - max);
                sum += scores[j];
            }
            int o = q;
            java.util.Arrays.fill(c.out(), o, o + hd, 0f);
            for (int j = lo; j <= pos; j++) {
                axpy(scores[j] / sum, c.values(), j * stride + kh * hd, c.out(), o, hd);
            }
        }
    }

    private static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            acc = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    /** {@code y[yOff..] += p * x[xOff..]} for {@code n} values. */
    private static void axpy(float p, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector pv = FloatVector.broadcast(F, p);
        int i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            FloatVector.fromArray(F, x, xOff + i).fma(pv, FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += p * x[xOff + i];
        }
    }
}
