package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Llama weights as read from a file, before they become NDArrays: the configuration, the tensors under their
 * GGUF names ({@code token_embd.weight}, {@code blk.0.attn_q.weight}, ...; projections row-major
 * {@code [out, in]}, q/k rows in the interleaved-pair RoPE order of llama2.c and GGUF) and the tokenizer.
 *
 * @param format {@code llama2c}, {@code gguf} or {@code safetensors}
 * @param source the weights file
 */
public record LlamaCheckpoint(LlamaConfig config, Map<String, RawTensor> tensors, Tokenizer tokenizer,
        String format, Path source) {

    public LlamaCheckpoint {
        tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        for (Map.Entry<String, long[]> e : shapes(config).entrySet()) {
            RawTensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new ModelFormatException("Model " + source + " (" + format + ") lacks tensor '" + e.getKey()
                        + "'; it has " + tensors.size() + " tensors");
            }
            if (!java.util.Arrays.equals(t.shape(), e.getValue())) {
                throw new ModelFormatException("Model " + source + ": tensor '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(t.shape()) + "; expected " + java.util.Arrays.toString(e.getValue()));
            }
        }
        for (String name : java.util.List.of(ROPE_FREQS, ROPE_FACTORS_LONG, ROPE_FACTORS_SHORT)) {
            RawTensor factors = tensors.get(name);
            if (factors != null && (factors.elements() != config.headSize() / 2)) {
                throw new ModelFormatException("Model " + source + ": tensor '" + name + "' has "
                        + factors.elements() + " factors; expected one per rotated pair, " + config.headSize() / 2);
            }
        }
        if (tensors.containsKey(ROPE_FACTORS_LONG) != tensors.containsKey(ROPE_FACTORS_SHORT)
                || tensors.containsKey(ROPE_FREQS) && tensors.containsKey(ROPE_FACTORS_LONG)) {
            throw new ModelFormatException("Model " + source + " needs both of '" + ROPE_FACTORS_LONG + "' and '"
                    + ROPE_FACTORS_SHORT + "' (LongRoPE) or '" + ROPE_FREQS + "' alone; it has "
                    + tensors.keySet().stream().filter(n -> n.startsWith("rope_")).toList());
        }
        if (tokenizer.vocabSize() != config.vocabSize()) {
            throw new ModelFormatException("Model " + source + " has a vocabulary of " + config.vocabSize()
                    + " but its tokenizer has " + tokenizer.vocabSize() + " tokens");
        }
    }

    /** Per-frequency RoPE divisors (Llama 3.1's scaling, as llama.cpp's converter writes it). */
    public static final String ROPE_FREQS = "rope_freqs.weight";
    /** LongRoPE's per-frequency divisors for a context longer than the original one (phi3's 128k models). */
    public static final String ROPE_FACTORS_LONG = "rope_factors_long.weight";
    /** LongRoPE's per-frequency divisors within the original context. */
    public static final String ROPE_FACTORS_SHORT = "rope_factors_short.weight";

    /**
     * The tensors a model of {@code c} has, under their GGUF names, with row-major shapes ({@code output.weight} only
     * when the head is not tied; q/k/v biases for qwen2, q/k norms for qwen3 and gemma3, post-attention and
     * post-feed-forward norms for gemma, fused {@code attn_qkv} and gate/up {@code ffn_up} for phi3).
     */
    public static Map<String, long[]> shapes(LlamaConfig c) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("token_embd.weight", new long[] {c.vocabSize(), c.dim()});
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            shapes.put(p + "attn_norm.weight", new long[] {c.dim()});
            if (c.architecture().fusedProjections()) {
                shapes.put(p + "attn_qkv.weight", new long[] {c.qDim() + 2L * c.kvDim(), c.dim()});
            } else {
                shapes.put(p + "attn_q.weight", new long[] {c.qDim(), c.dim()});
                shapes.put(p + "attn_k.weight", new long[] {c.kvDim(), c.dim()});
                shapes.put(p + "attn_v.weight", new long[] {c.kvDim(), c.dim()});
            }
            if (c.architecture().attentionBias()) {
                shapes.put(p + "attn_q.bias", new long[] {c.qDim()});
                shapes.put(p + "attn_k.bias", new long[] {c.kvDim()});
                shapes.put(p + "attn_v.bias", new long[] {c.kvDim()});
            }
            if (c.architecture().qkNorm()) {
                shapes.put(p + "attn_q_norm.weight", new long[] {c.headSize()});
                shapes.put(p + "attn_k_norm.weight", new long[] {c.headSize()});
            }
            shapes.put(p + "attn_output.weight", new long[] {c.dim(), c.qDim()});
            if (c.architecture().sandwichNorms()) {
                shapes.put(p + "post_attention_norm.weight", new long[] {c.dim()});
            }
            shapes.put(p + "ffn_norm.weight", new long[] {c.dim()});
            if (c.architecture().fusedProjections()) {
                shapes.put(p + "ffn_down.weight", new long[] {c.dim(), c.hiddenDim()});
                shapes.put(p + "ffn_up.weight", new long[] {2L * c.hiddenDim(), c.dim()});
            } else {
                shapes.put(p + "ffn_gate.weight", new long[] {c.hiddenDim(), c.dim()});
                shapes.put(p + "ffn_down.weight", new long[] {c.dim(), c.hiddenDim()});
                shapes.put(p + "ffn_up.weight", new long[] {c.hiddenDim(), c.dim()});
            }
            if (c.architecture().sandwichNorms()) {
                shapes.put(p + "post_ffw_norm.weight", new long[] {c.dim()});
            }
        }
        shapes.put("output_norm.weight", new long[] {c.dim()});
        if (!c.tiedOutput()) {
            shapes.put("output.weight", new long[] {c.vocabSize(), c.dim()});
        }
        return shapes;
    }

    /** The names of {@link #shapes}. */
    public static java.util.List<String> expectedNames(LlamaConfig config) {
        return java.util.List.copyOf(shapes(config).keySet());
    }

    public RawTensor tensor(String name) {
        RawTensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException("Model " + source + " has no tensor '" + name + "'");
        }
        return t;
    }

    /** Bytes of all tensors as stored. */
    public long storedBytes() {
        return tensors.values().stream().mapToLong(t -> t.data().remaining()).sum();
    }
}
