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
        for (String name : expectedNames(config)) {
            if (!tensors.containsKey(name)) {
                throw new ModelFormatException("Model " + source + " (" + format + ") lacks tensor '" + name
                        + "'; it has " + tensors.size() + " tensors");
            }
        }
        check(tensors, "token_embd.weight", source, config.vocabSize(), config.dim());
        for (int l = 0; l < config.layers(); l++) {
            String p = "blk." + l + ".";
            check(tensors, p + "attn_q.weight", source, config.dim(), config.dim());
            check(tensors, p + "attn_k.weight", source, config.kvDim(), config.dim());
            check(tensors, p + "attn_v.weight", source, config.kvDim(), config.dim());
            check(tensors, p + "attn_output.weight", source, config.dim(), config.dim());
            check(tensors, p + "ffn_gate.weight", source, config.hiddenDim(), config.dim());
            check(tensors, p + "ffn_down.weight", source, config.dim(), config.hiddenDim());
            check(tensors, p + "ffn_up.weight", source, config.hiddenDim(), config.dim());
        }
        if (tokenizer.vocabSize() != config.vocabSize()) {
            throw new ModelFormatException("Model " + source + " has a vocabulary of " + config.vocabSize()
                    + " but its tokenizer has " + tokenizer.vocabSize() + " tokens");
        }
    }

    private static void check(Map<String, RawTensor> tensors, String name, Path source, long rows, long cols) {
        long[] shape = tensors.get(name).shape();
        if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
            throw new ModelFormatException("Model " + source + ": tensor '" + name + "' has shape "
                    + java.util.Arrays.toString(shape) + "; expected [" + rows + ", " + cols + "]");
        }
    }

    /** The tensors every Llama checkpoint has ({@code output.weight} only when the head is not tied). */
    public static java.util.List<String> expectedNames(LlamaConfig config) {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add("token_embd.weight");
        for (int l = 0; l < config.layers(); l++) {
            for (String t : new String[] {"attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm",
                "ffn_gate", "ffn_down", "ffn_up"}) {
                names.add("blk." + l + "." + t + ".weight");
            }
        }
        names.add("output_norm.weight");
        if (!config.tiedOutput()) {
            names.add("output.weight");
        }
        return names;
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
