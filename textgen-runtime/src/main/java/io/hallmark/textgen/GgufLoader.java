package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Llama-architecture GGUF files (F32, F16 and Q8_0 tensors) with their SentencePiece vocabulary. */
public final class GgufLoader {

    private GgufLoader() {}

    public static LlamaCheckpoint load(Path file) {
        GgufFile gguf = GgufFile.read(file);
        Object arch = gguf.require("general.architecture");
        if (!"llama".equals(arch)) {
            throw new ModelFormatException("GGUF file " + file + " has architecture '" + arch + "'; supported: llama");
        }
        Object tokModel = gguf.metadata().getOrDefault("tokenizer.ggml.model", "llama");
        if (!"llama".equals(tokModel)) {
            throw new ModelFormatException("GGUF file " + file + " has tokenizer '" + tokModel
                    + "'; supported: llama (SentencePiece)");
        }
        List<String> tokens = strings(gguf, "tokenizer.ggml.tokens");
        float[] scores = floats(gguf, "tokenizer.ggml.scores", tokens.size());
        int dim = gguf.requireInt("llama.embedding_length");
        int heads = gguf.requireInt("llama.attention.head_count");
        int kvHeads = gguf.metadata().get("llama.attention.head_count_kv") instanceof Number n ? n.intValue() : heads;
        float eps = gguf.metadata().get("llama.attention.layer_norm_rms_epsilon") instanceof Number n ? n.floatValue() : 1e-5f;
        float theta = gguf.metadata().get("llama.rope.freq_base") instanceof Number n ? n.floatValue() : 10000f;
        boolean tied = !gguf.tensors().containsKey("output.weight");
        LlamaConfig config;
        try {
            config = new LlamaConfig(dim, gguf.requireInt("llama.feed_forward_length"), gguf.requireInt("llama.block_count"),
                    heads, kvHeads, tokens.size(), gguf.requireInt("llama.context_length"), eps, theta, tied);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("GGUF file " + file + ": " + e.getMessage());
        }
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        for (String name : LlamaCheckpoint.expectedNames(config)) {
            if (!gguf.tensors().containsKey(name)) {
                throw new ModelFormatException("GGUF file " + file + " lacks tensor '" + name + "'");
            }
            tensors.put(name, gguf.tensor(name));
        }
        int bos = gguf.metadata().get("tokenizer.ggml.bos_token_id") instanceof Number n ? n.intValue() : 1;
        int eos = gguf.metadata().get("tokenizer.ggml.eos_token_id") instanceof Number n ? n.intValue() : 2;
        return new LlamaCheckpoint(config, tensors, SentencePieceTokenizer.fromGguf(tokens, scores, bos, eos), "gguf", file);
    }

    private static List<String> strings(GgufFile gguf, String key) {
        if (!(gguf.require(key) instanceof List<?> list) || list.stream().anyMatch(o -> !(o instanceof String))) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is not a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static float[] floats(GgufFile gguf, String key, int expected) {
        if (!gguf.metadata().containsKey(key)) {
            return new float[expected];
        }
        if (!(gguf.require(key) instanceof List<?> list) || list.size() != expected) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' must hold " + expected + " numbers");
        }
        float[] out = new float[expected];
        for (int i = 0; i < expected; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }
}
