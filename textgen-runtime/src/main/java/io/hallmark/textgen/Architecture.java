package io.hallmark.textgen;

import java.util.Objects;

/**
 * What sets a model family's decoder apart from Llama's, as its GGUF file declares it, following llama.cpp's graph
 * of the same architecture. Build one with {@link #builder(String)} or take a family's defaults with {@link #of}.
 *
 * @param name the GGUF {@code general.architecture}: {@code llama} (Llama 2/3.x, Mistral), {@code qwen2},
 *     {@code qwen3}, {@code gemma2}, {@code gemma3}, {@code phi3}
 * @param neoxRope rotate the two halves of each head (GPT-NeoX order: qwen, gemma, phi3) rather than adjacent pairs
 * @param headDim width of one attention head ({@code attention.key_length}; 0: {@code dim / heads})
 * @param attentionBias the q/k/v projections have biases ({@code blk.N.attn_q.bias}, qwen2)
 * @param qkNorm queries and keys are RMS-normalised per head before RoPE ({@code blk.N.attn_q_norm}: qwen3, gemma3)
 * @param ropeScaling how positions are scaled for RoPE (on gemma3's global layers only)
 * @param fusedProjections q/k/v in one {@code attn_qkv} matrix and gate/up in one {@code ffn_up} of twice the
 *     feed-forward width, gate first (phi3)
 * @param scaledEmbedding token embeddings multiplied by {@code sqrt(dim)} (gemma)
 * @param sandwichNorms the attention and feed-forward outputs are RMS-normalised before the residual add
 *     ({@code post_attention_norm}, {@code post_ffw_norm}: gemma2, gemma3)
 * @param geluFeedForward the gated feed-forward uses GELU (tanh approximation) instead of SiLU (gemma)
 * @param attentionSoftcap attention scores become {@code c * tanh(s / c)} before the softmax (0: none; gemma2)
 * @param finalSoftcap logits become {@code c * tanh(l / c)} (0: none; gemma2, and gemma3 where the file sets it)
 * @param slidingWindow how many positions a sliding-window layer sees, its own included (0: no such layers; a
 *     gemma3 file without {@code attention.sliding_window} attends globally on every layer, as llama.cpp runs it)
 * @param slidingWindowPattern layer {@code l} slides when {@code l % pattern < pattern - 1} (2: gemma2's
 *     alternation, 6: gemma3's five local layers to one global; 0: none)
 * @param slidingRopeBase RoPE base of the sliding layers ({@code rope.freq_base_swa}; 0: the model's base; gemma3:
 *     10000 when the file does not set it, as llama.cpp)
 * @param slidingRopeScaled the sliding layers take the model's position scaling too (gemma2, as llama.cpp); gemma3's
 *     run unscaled
 * @param queryScale the factor queries are multiplied by before attention (0: {@code 1/sqrt(headSize)})
 */
public record Architecture(String name, boolean neoxRope, int headDim, boolean attentionBias, boolean qkNorm,
        RopeScaling ropeScaling, boolean fusedProjections, boolean scaledEmbedding, boolean sandwichNorms,
        boolean geluFeedForward, float attentionSoftcap, float finalSoftcap, int slidingWindow,
        int slidingWindowPattern, float slidingRopeBase, boolean slidingRopeScaled, float queryScale) {

    /**
     * How RoPE positions are stretched, as llama.cpp reads it from {@code rope.scaling.*} (see {@link RopeFrequencies}).
     *
     * @param type {@code none}; {@code linear} (positions divided by the factor); {@code yarn} (YaRN: high frequencies
     *     kept, low ones divided by the factor, a ramp between them, magnitudes times {@code 1 + 0.1 ln factor});
     *     {@code longrope} (linear, with per-frequency factors {@code rope_factors_long/short}; phi3 has those factors
     *     without declaring a type)
     * @param factor the scaling factor (1: none)
     * @param originalContext the context the model was trained for before the extension
     *     ({@code rope.scaling.original_context_length}: where YaRN's ramp lies, and whether LongRoPE takes its long
     *     factors); 0: the model's context length
     * @param attnFactor every rotated query and key is multiplied by it ({@code rope.scaling.attn_factor}: LongRoPE's
     *     {@code sqrt(1 + ln(scale) / ln(original))}; 1: none)
     */
    public record RopeScaling(String type, float factor, int originalContext, float attnFactor) {
        /** The types llama.cpp knows ({@code rope.scaling.type}); any other makes llama.cpp abort the load. */
        public static final java.util.List<String> TYPES = java.util.List.of("none", "linear", "yarn", "longrope");
        public static final RopeScaling NONE = new RopeScaling("none", 1f);

        public RopeScaling {
            Objects.requireNonNull(type, "type");
            if (!TYPES.contains(type) || !(factor > 0) || !(attnFactor > 0) || originalContext < 0) {
                throw new IllegalArgumentException("RoPE scaling '" + type + "' with factor " + factor
                        + ", original context " + originalContext + " and attention factor " + attnFactor
                        + " is not supported; Hallmark runs " + String.join(", ", TYPES)
                        + " (positive factors; and per-frequency factors: rope_freqs, rope_factors_long/short)");
            }
        }

        /** A scaling of the model's own context and no attention factor. */
        public RopeScaling(String type, float factor) {
            this(type, factor, 0, 1f);
        }

        /** Whether positions are scaled at all (a type other than none with a factor other than 1). */
        public boolean scales() {
            return !type.equals("none") && factor != 1f;
        }
    }

    public static final Architecture LLAMA = builder("llama").build();
    public static final Architecture QWEN2 = builder("qwen2").neoxRope(true).attentionBias(true).build();
    public static final Architecture QWEN3 = builder("qwen3").neoxRope(true).qkNorm(true).build();
    /** llama.cpp's defaults when the file does not set them: soft-caps 50 and 30, a 4096 window on even layers. */
    public static final Architecture GEMMA2 = builder("gemma2").neoxRope(true).scaledEmbedding(true)
            .sandwichNorms(true).geluFeedForward(true).attentionSoftcap(50f).finalSoftcap(30f).slidingWindow(4096)
            .slidingWindowPattern(2).slidingRopeScaled(true).build();
    /**
     * No window unless the file sets one ({@code attention.sliding_window}); no final soft-cap unless the file sets
     * {@code final_logit_softcapping}; the sliding layers' RoPE base 10000 unless {@code rope.freq_base_swa} says
     * otherwise (as llama.cpp reads them).
     */
    public static final Architecture GEMMA3 = builder("gemma3").neoxRope(true).qkNorm(true).scaledEmbedding(true)
            .sandwichNorms(true).geluFeedForward(true).slidingWindowPattern(6).slidingRopeBase(10000f).build();
    public static final Architecture PHI3 = builder("phi3").neoxRope(true).fusedProjections(true).build();

    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ropeScaling, "ropeScaling");
        if (headDim < 0 || headDim % 2 != 0) {
            throw new IllegalArgumentException("The head size " + headDim + " must be even for RoPE");
        }
        if (attentionSoftcap < 0 || finalSoftcap < 0 || slidingWindow < 0 || slidingWindowPattern < 0
                || slidingRopeBase < 0 || queryScale < 0) {
            throw new IllegalArgumentException("Architecture '" + name + "': soft-caps, sliding window, its pattern,"
                    + " its RoPE base and the query scale must not be negative");
        }
    }

    /** The architecture of a {@code general.architecture} name, or an error naming it. */
    public static Architecture of(String name) {
        return switch (name) {
            case "llama" -> LLAMA;
            case "qwen2" -> QWEN2;
            case "qwen3" -> QWEN3;
            case "gemma2" -> GEMMA2;
            case "gemma3" -> GEMMA3;
            case "phi3" -> PHI3;
            default -> throw new IllegalArgumentException("the architecture '" + name + "' is not supported; Hallmark"
                    + " runs llama (Llama 2/3.x, Mistral), qwen2, qwen3, gemma2, gemma3 and phi3");
        };
    }

    /** Whether layer {@code layer} attends over the sliding window only. */
    public boolean slides(int layer) {
        return slidingWindow > 0 && slidingWindowPattern > 0
                && layer % slidingWindowPattern < slidingWindowPattern - 1;
    }

    public Architecture withHeadDim(int headDim) {
        return toBuilder().headDim(headDim).build();
    }

    public Architecture withRopeScaling(RopeScaling scaling) {
        return toBuilder().ropeScaling(scaling).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name).neoxRope(neoxRope).headDim(headDim).attentionBias(attentionBias).qkNorm(qkNorm)
                .ropeScaling(ropeScaling).fusedProjections(fusedProjections).scaledEmbedding(scaledEmbedding)
                .sandwichNorms(sandwichNorms).geluFeedForward(geluFeedForward).attentionSoftcap(attentionSoftcap)
                .finalSoftcap(finalSoftcap).slidingWindow(slidingWindow).slidingWindowPattern(slidingWindowPattern)
                .slidingRopeBase(slidingRopeBase).slidingRopeScaled(slidingRopeScaled).queryScale(queryScale);
    }

    /** Builds an {@link Architecture}; everything not set is Llama's. */
    public static final class Builder {
        private final String name;
        private boolean neoxRope;
        private int headDim;
        private boolean attentionBias;
        private boolean qkNorm;
        private RopeScaling ropeScaling = RopeScaling.NONE;
        private boolean fusedProjections;
        private boolean scaledEmbedding;
        private boolean sandwichNorms;
        private boolean geluFeedForward;
        private float attentionSoftcap;
        private float finalSoftcap;
        private int slidingWindow;
        private int slidingWindowPattern;
        private float slidingRopeBase;
        private boolean slidingRopeScaled;
        private float queryScale;

        private Builder(String name) {
            this.name = name;
        }

        public Builder neoxRope(boolean v) {
            neoxRope = v;
            return this;
        }

        public Builder headDim(int v) {
            headDim = v;
            return this;
        }

        public Builder attentionBias(boolean v) {
            attentionBias = v;
            return this;
        }

        public Builder qkNorm(boolean v) {
            qkNorm = v;
            return this;
        }

        public Builder ropeScaling(RopeScaling v) {
            ropeScaling = v;
            return this;
        }

        public Builder fusedProjections(boolean v) {
            fusedProjections = v;
            return this;
        }

        public Builder scaledEmbedding(boolean v) {
            scaledEmbedding = v;
            return this;
        }

        public Builder sandwichNorms(boolean v) {
            sandwichNorms = v;
            return this;
        }

        public Builder geluFeedForward(boolean v) {
            geluFeedForward = v;
            return this;
        }

        public Builder attentionSoftcap(float v) {
            attentionSoftcap = v;
            return this;
        }

        public Builder finalSoftcap(float v) {
            finalSoftcap = v;
            return this;
        }

        public Builder slidingWindow(int v) {
            slidingWindow = v;
            return this;
        }

        public Builder slidingWindowPattern(int v) {
            slidingWindowPattern = v;
            return this;
        }

        public Builder slidingRopeBase(float v) {
            slidingRopeBase = v;
            return this;
        }

        public Builder slidingRopeScaled(boolean v) {
            slidingRopeScaled = v;
            return this;
        }

        public Builder queryScale(float v) {
            queryScale = v;
            return this;
        }

        public Architecture build() {
            return new Architecture(name, neoxRope, headDim, attentionBias, qkNorm, ropeScaling, fusedProjections,
                    scaledEmbedding, sandwichNorms, geluFeedForward, attentionSoftcap, finalSoftcap, slidingWindow,
                    slidingWindowPattern, slidingRopeBase, slidingRopeScaled, queryScale);
        }
    }
}
