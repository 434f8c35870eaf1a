package io.hallmark.textgen;

/**
 * The decoder's element-wise steps on rows held in Java arrays ({@code [rows, width]}, row-major): what
 * {@link LlamaModel} runs between the weight products when every matrix stays in its stored blocks on the CPU, so
 * that the activations need not cross to the engine and back for each small operation. Each method computes in
 * the same float operations, in the same order, as the engine's version in {@link LlamaModel} (RMSNorm's mean
 * excepted: summed in double here), so the two agree to a rounding of the last bit.
 */
final class HostRows {

    private HostRows() {}

    /** {@code x * (mean(x^2) + eps)^-1/2 * weight}, each row of {@code width} on its own; a new array. */
    static float[] rmsNorm(float[] x, int width, float[] weight, float eps) {
        float[] out = new float[x.length];
        for (int base = 0; base < x.length; base += width) {
            double squares = 0;
            for (int i = 0; i < width; i++) {
                float v = x[base + i];
                squares += v * v;
            }
            float mean = (float) (squares / width);
            float scale = (float) (1.0 / Math.sqrt(mean + eps));
            for (int i = 0; i < width; i++) {
                out[base + i] = x[base + i] * scale * weight[i];
            }
        }
        return out;
    }

    /** {@code x += y}. */
    static void addInPlace(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    /** Adds {@code bias} to each row of {@code x} (rows as wide as the bias); nothing when it is null. */
    static void addRowsInPlace(float[] x, float[] bias) {
        if (bias != null) {
            for (int base = 0; base < x.length; base += bias.length) {
                for (int i = 0; i < bias.length; i++) {
                    x[base + i] += bias[i];
                }
            }
        }
    }

    /** {@code x *= factor}. */
    static void scaleInPlace(float[] x, float factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }

    /** The gated feed-forward's middle, {@code act(gate) * up}; {@code act} is SiLU, or GELU in its tanh form. */
    static float[] gated(float[] gate, float[] up, boolean gelu) {
        float[] out = new float[up.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = activate(gate[i], gelu) * up[i];
        }
        return out;
    }

    /** As {@link #gated(float[], float[], boolean)}, gate and up side by side in each {@code 2 * width} row (phi3). */
    static float[] gatedFused(float[] gateUp, int width, boolean gelu) {
        int rows = gateUp.length / (2 * width);
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < width; i++) {
                out[r * width + i] = activate(gateUp[2 * r * width + i], gelu) * gateUp[(2 * r + 1) * width + i];
            }
        }
        return out;
    }

    private static float activate(float g, boolean gelu) {
        if (gelu) { // 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))), as LlamaModel.geluTanh
            float inner = (g * g * g * 0.044715f + g) * (float) Math.sqrt(2 / Math.PI);
            return g * 0.5f * ((float) Math.tanh(inner) + 1f);
        }
        float sigmoid = (float) (1.0 / (1.0 + Math.exp(-g)));
        return sigmoid * g;
    }

    /** {@code cap * tanh(x / cap)} in place; nothing when {@code cap} is 0. */
    static void softcapInPlace(float[] x, float cap) {
        if (cap > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.tanh(x[i] / cap) * cap;
            }
        }
    }
}
