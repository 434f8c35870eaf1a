package io.hallmark.textgen;

/**
 * The rotation speed of each pair of a head and the magnitude of the rotated vectors, as llama.cpp's
 * {@code ggml_rope_ext} computes them from the model's RoPE settings ({@link Architecture.RopeScaling}).
 *
 * <p>Pair {@code i} of a head of {@code n} rotates by {@code p * base^(-2i/n) / f_i} at position {@code p}, where
 * {@code f_i} is the model's per-frequency factor ({@code rope_freqs}: Llama 3.1's; {@code rope_factors_long} or
 * {@code _short}: LongRoPE's; 1 without). Linear and LongRoPE scaling divide that by the factor. YaRN divides only
 * the slow pairs: with the correction range {@code [lo, hi]} (the pairs that turn {@value #YARN_BETA_FAST} and
 * {@value #YARN_BETA_SLOW} times over the original context), pair {@code i} keeps the share
 * {@code r = 1 - clamp((i - lo) / max(0.001, hi - lo), 0, 1)} of its own speed and takes {@code 1 - r} of the
 * divided one, and every rotated query and key is multiplied by {@code 1 + 0.1 ln factor}. The attention factor
 * ({@code rope.scaling.attn_factor}) multiplies them too, whatever the type.
 */
final class RopeFrequencies {

    /** llama.cpp's YaRN correction bounds for these architectures (it reads the file's only for grok and mistral3). */
    static final float YARN_BETA_FAST = 32f;
    static final float YARN_BETA_SLOW = 1f;

    private RopeFrequencies() {}

    /** The per-pair speeds of {@code c} with the per-frequency factors {@code factors} (null: none). */
    static float[] inverseFrequencies(LlamaConfig c, float[] factors) {
        Architecture.RopeScaling s = c.architecture().ropeScaling();
        int n = c.headSize();
        double freqScale = s.scales() ? 1.0 / s.factor() : 1.0;
        boolean yarn = s.type().equals("yarn") && s.scales();
        float[] corr = yarn ? correctionRange(n, originalContext(c), c.ropeTheta()) : null;
        float[] freqs = new float[n / 2];
        for (int i = 0; i < freqs.length; i++) {
            double extrapolated = 1.0 / Math.pow(c.ropeTheta(), 2.0 * i / n) / (factors != null ? factors[i] : 1f);
            double kept = yarn ? ramp(corr[0], corr[1], i) : 0; // llama.cpp's ext_factor is 1 for YaRN
            freqs[i] = (float) (extrapolated * (freqScale * (1 - kept) + kept));
        }
        return freqs;
    }

    /**
     * The speeds of the sliding-window layers where they rotate at a base of their own ({@code rope.freq_base_swa};
     * gemma3's 10000 when the file does not set it): that base, divided by the model's linear factor where the
     * architecture scales the sliding layers too (gemma2) and unscaled otherwise (gemma3), as llama.cpp's
     * {@code get_rope_freq_base/_scale} give them; no per-frequency factors (gemma's graphs take none). Null where the
     * sliding layers rotate as the others do, or there are none.
     */
    static float[] sliding(LlamaConfig c) {
        Architecture arch = c.architecture();
        if (arch.slidingRopeBase() <= 0 || arch.slidingWindow() == 0) {
            return null;
        }
        Architecture.RopeScaling s = arch.ropeScaling();
        boolean scaled = arch.slidingRopeScaled() && s.scales();
        if (scaled && !s.type().equals("linear")) {
            throw new IllegalArgumentException("RoPE scaling '" + s.type() + "' on sliding-window layers with a base of"
                    + " their own is not supported; Hallmark scales them only linearly");
        }
        double freqScale = scaled ? 1.0 / s.factor() : 1.0;
        int n = c.headSize();
        float[] freqs = new float[n / 2];
        for (int i = 0; i < freqs.length; i++) {
            freqs[i] = (float) (1.0 / Math.pow(arch.slidingRopeBase(), 2.0 * i / n) * freqScale);
        }
        return freqs;
    }

    /** What rotated queries and keys are multiplied by: the attention factor, times YaRN's {@code 1 + 0.1 ln factor}. */
    static float magnitude(LlamaConfig c) {
        Architecture.RopeScaling s = c.architecture().ropeScaling();
        double m = s.attnFactor();
        if (s.type().equals("yarn") && s.factor() > 1f) {
            m *= 1 + 0.1 * Math.log(s.factor());
        }
        return (float) m;
    }

    /**
     * The per-frequency factors the model runs with: {@code rope_freqs}, or LongRoPE's long factors when the model runs
     * at a context longer than its original one and its short factors otherwise (llama.cpp decides by the context it
     * is given; Hallmark runs every model at its context length, llama.cpp's default); null when it has none.
     */
    static float[] factors(LlamaCheckpoint checkpoint) {
        if (checkpoint.tensors().containsKey(LlamaCheckpoint.ROPE_FREQS)) {
            return checkpoint.tensor(LlamaCheckpoint.ROPE_FREQS).toFloats();
        }
        if (checkpoint.tensors().containsKey(LlamaCheckpoint.ROPE_FACTORS_LONG)) {
            LlamaConfig c = checkpoint.config();
            return checkpoint.tensor(c.contextLength() > originalContext(c)
                    ? LlamaCheckpoint.ROPE_FACTORS_LONG : LlamaCheckpoint.ROPE_FACTORS_SHORT).toFloats();
        }
        return null;
    }

    static int originalContext(LlamaConfig c) {
        int original = c.architecture().ropeScaling().originalContext();
        return original > 0 ? original : c.contextLength();
    }

    /** YaRN's correction range in pairs, in float as ggml computes it ({@code ggml_rope_yarn_corr_dims}). */
    static float[] correctionRange(int dims, int originalContext, float base) {
        float start = (float) Math.floor(correctionDim(dims, originalContext, YARN_BETA_FAST, base));
        float end = (float) Math.ceil(correctionDim(dims, originalContext, YARN_BETA_SLOW, base));
        return new float[] {Math.max(0, start), Math.min(dims - 1, end)};
    }

    /** The pair that turns {@code turns} times over {@code originalContext} positions. */
    private static float correctionDim(int dims, int originalContext, float turns, float base) {
        return dims * (float) Math.log(originalContext / (turns * 2 * (float) Math.PI)) / (2 * (float) Math.log(base));
    }

    /** The share of its unscaled speed pair {@code i} keeps: 1 below the range, 0 above it, linear between. */
    private static double ramp(float low, float high, int i) {
        float y = (i - low) / Math.max(0.001f, high - low);
        return 1 - Math.min(1, Math.max(0, y));
    }
}
