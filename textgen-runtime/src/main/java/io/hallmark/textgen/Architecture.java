package io.hallmark.textgen;

import java.util.Objects;

/**
 * What sets a model family's decoder apart from Llama's, as its GGUF file declares it.
 *
 * @param name the GGUF {@code general.architecture}: {@code llama} (Llama 2/3.x, Mistral), {@code qwen2}, {@code qwen3}
 * @param neoxRope rotate the two halves of each head (GPT-NeoX order, qwen) rather than adjacent pairs (llama)
 * @param headDim width of one attention head ({@code attention.key_length}; 0: {@code dim / heads})
 * @param attentionBias the q/k/v projections have biases ({@code blk.N.attn_q.bias}, qwen2)
 * @param qkNorm queries and keys are RMS-normalised per head before RoPE ({@code blk.N.attn_q_norm}, qwen3)
 * @param ropeScaling how positions are scaled for RoPE
 */
public record Architecture(String name, boolean neoxRope, int headDim, boolean attentionBias, boolean qkNorm,
        RopeScaling ropeScaling) {

    /** How RoPE positions are stretched: {@code none}, {@code linear} (positions divided by the factor). */
    public record RopeScaling(String type, float factor) {
        public static final RopeScaling NONE = new RopeScaling("none", 1f);

        public RopeScaling {
            Objects.requireNonNull(type, "type");
            if (!(type.equals("none") || type.equals("linear")) || !(factor > 0)) {
                throw new IllegalArgumentException("RoPE scaling '" + type + "' with factor " + factor
                        + " is not supported; Hallmark runs none and linear (and per-frequency factors, rope_freqs)");
            }
        }
    }

    public static final Architecture LLAMA = new Architecture("llama", false, 0, false, false, RopeScaling.NONE);
    public static final Architecture QWEN2 = new Architecture("qwen2", true, 0, true, false, RopeScaling.NONE);
    public static final Architecture QWEN3 = new Architecture("qwen3", true, 0, false, true, RopeScaling.NONE);

    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ropeScaling, "ropeScaling");
        if (headDim < 0 || headDim % 2 != 0) {
            throw new IllegalArgumentException("The head size " + headDim + " must be even for RoPE");
        }
    }

    /** The architecture of a {@code general.architecture} name, or an error naming it. */
    public static Architecture of(String name) {
        return switch (name) {
            case "llama" -> LLAMA;
            case "qwen2" -> QWEN2;
            case "qwen3" -> QWEN3;
            default -> throw new IllegalArgumentException("the architecture '" + name
                    + "' is not supported; Hallmark runs llama (Llama 2/3.x, Mistral), qwen2 and qwen3");
        };
    }

    public Architecture withHeadDim(int headDim) {
        return new Architecture(name, neoxRope, headDim, attentionBias, qkNorm, ropeScaling);
    }

    public Architecture withRopeScaling(RopeScaling scaling) {
        return new Architecture(name, neoxRope, headDim, attentionBias, qkNorm, scaling);
    }
}
