package io.hallmark.textgen;

/**
 * The shape of a Llama-family decoder.
 *
 * @param dim the model (embedding) width
 * @param hiddenDim the SwiGLU feed-forward width
 * @param layers the number of transformer blocks
 * @param heads query heads
 * @param kvHeads key/value heads (fewer than {@code heads} for grouped-query attention)
 * @param vocabSize tokens in the vocabulary
 * @param contextLength the longest sequence the model was trained for
 * @param normEps RMSNorm epsilon
 * @param ropeTheta RoPE base frequency
 * @param tiedOutput whether the output head shares the token embedding
 * @param architecture the family's differences from Llama (RoPE order, biases, q/k norms, head size, RoPE scaling)
 */
public record LlamaConfig(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocabSize,
        int contextLength, float normEps, float ropeTheta, boolean tiedOutput, Architecture architecture) {

    public LlamaConfig {
        check(dim > 0 && hiddenDim > 0 && layers > 0 && heads > 0 && kvHeads > 0 && vocabSize > 0 && contextLength > 0,
                "every dimension must be positive");
        java.util.Objects.requireNonNull(architecture, "architecture");
        check(architecture.headDim() > 0 || dim % heads == 0, "dim " + dim + " must be a multiple of heads " + heads);
        check(heads % kvHeads == 0, "heads " + heads + " must be a multiple of kvHeads " + kvHeads);
        int hd = architecture.headDim() > 0 ? architecture.headDim() : dim / heads;
        check(hd % 2 == 0, "the head size " + hd + " must be even for RoPE");
        check(normEps > 0 && ropeTheta > 0, "normEps and ropeTheta must be positive");
    }

    /** A Llama (the original architecture). */
    public LlamaConfig(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocabSize, int contextLength,
            float normEps, float ropeTheta, boolean tiedOutput) {
        this(dim, hiddenDim, layers, heads, kvHeads, vocabSize, contextLength, normEps, ropeTheta, tiedOutput,
                Architecture.LLAMA);
    }

    public LlamaConfig withArchitecture(Architecture a) {
        return new LlamaConfig(dim, hiddenDim, layers, heads, kvHeads, vocabSize, contextLength, normEps, ropeTheta,
                tiedOutput, a);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid Llama configuration: " + message);
        }
    }

    public int headSize() {
        return architecture.headDim() > 0 ? architecture.headDim() : dim / heads;
    }

    /** Width of all query heads together (the attention output), {@code dim} unless the head size is set apart. */
    public int qDim() {
        return heads * headSize();
    }

    public int kvDim() {
        return kvHeads * headSize();
    }

    /** Weights in the model, output head included once. */
    public long parameterCount() {
        long perLayer = (architecture.sandwichNorms() ? 4L : 2L) * dim + (long) dim * qDim() * 2
                + (long) dim * kvDim() * 2 + 3L * dim * hiddenDim + (architecture.qkNorm() ? 2L * headSize() : 0);
        return (long) vocabSize * dim * (tiedOutput ? 1 : 2) + layers * perLayer + dim;
    }
}
