package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        GgufVocabulary vocabulary = GgufVocabulary.fromGguf(gguf);
        int dim = gguf.requireInt("llama.embedding_length");
        int heads = gguf.requireInt("llama.attention.head_count");
        int kvHeads = gguf.metadata().get("llama.attention.head_count_kv") instanceof Number n ? n.intValue() : heads;
        float eps = gguf.metadata().get("llama.attention.layer_norm_rms_epsilon") instanceof Number n ? n.floatValue() : 1e-5f;
        float theta = gguf.metadata().get("llama.rope.freq_base") instanceof Number n ? n.floatValue() : 10000f;
        boolean tied = !gguf.tensors().containsKey("output.weight");
        LlamaConfig config;
        try {
            config = new LlamaConfig(dim, gguf.requireInt("llama.feed_forward_length"), gguf.requireInt("llama.block_count"),
                    heads, kvHeads, vocabulary.vocabSize(), gguf.requireInt("llama.context_length"), eps, theta, tied);
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
        return new LlamaCheckpoint(config, tensors, vocabulary, "gguf", file);
    }
}
