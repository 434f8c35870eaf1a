package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.Map;

/**
 * A random-weight GGUF model of one family or setting for the llama.cpp conformance tests.
 *
 * @param shape the decoder's shape and architecture (the vocabulary size and {@code tiedOutput} are set from the
 *     vocabulary and {@code tied})
 * @param bpe the byte-level BPE pre-tokenizer of the vocabulary ({@code llama-bpe}, {@code qwen2}); null: SentencePiece
 * @param addBos whether the vocabulary asks for BOS
 * @param tied the output head is the embedding (Gemma: llama.cpp refuses an {@code output.weight} there)
 * @param metadata further metadata the file carries
 * @param extraTensors further F32 tensors (per-frequency RoPE factors), their values from {@link RandomModels#values}
 */
record ConformanceModel(LlamaConfig shape, String bpe, boolean addBos, boolean tied, Map<String, Object> metadata,
        Map<String, long[]> extraTensors) {

    /** A SentencePiece model of {@code shape} with BOS and a separate head. */
    static ConformanceModel of(LlamaConfig shape) {
        return new ConformanceModel(shape, null, true, false, Map.of(), Map.of());
    }

    ConformanceModel withMetadata(Map<String, Object> more) {
        return new ConformanceModel(shape, bpe, addBos, tied, more, extraTensors);
    }

    ConformanceModel withTensors(Map<String, long[]> more) {
        return new ConformanceModel(shape, bpe, addBos, tied, metadata, more);
    }

    GgufVocabulary vocabulary() {
        return bpe != null ? BpeVocabularies.train(bpe, 300, true, addBos) : RandomModels.vocabulary(RandomModels.SHAPE.vocabSize());
    }

    /** The configuration the file declares with {@code vocab}. */
    LlamaConfig config(GgufVocabulary vocab) {
        return new LlamaConfig(shape.dim(), shape.hiddenDim(), shape.layers(), shape.heads(), shape.kvHeads(),
                vocab.vocabSize(), shape.contextLength(), shape.normEps(), shape.ropeTheta(), tied, shape.architecture());
    }

    /** The quantized type the model is checked in: Q4_K where its rows fit K-quant blocks of 256, else Q8_0. */
    TensorType quantized() {
        return TensorType.Q4_K.fits(shape.dim()) && TensorType.Q4_K.fits(shape.hiddenDim()) ? TensorType.Q4_K : TensorType.Q8_0;
    }

    /**
     * Writes the model with its weights in {@code type}; {@code name} is its {@code general.name}, which steers
     * llama.cpp's token attributes (a name containing "phi3" wants {@code <|endoftext|>}), so keep it neutral.
     */
    Path write(Path file, GgufVocabulary vocab, TensorType type, String name) {
        LlamaConfig config = config(vocab);
        GgufWriter.write(file, config, vocab, n -> LlamaCppConformanceTest.values(n, config), type, name, extraTensors,
                metadata);
        return file;
    }
}
