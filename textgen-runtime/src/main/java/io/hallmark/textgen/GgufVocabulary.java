package io.hallmark.textgen;

import java.util.Map;

/** A tokenizer read from, and writable to, GGUF metadata ({@code tokenizer.ggml.*}). */
public sealed interface GgufVocabulary extends Tokenizer permits SentencePieceTokenizer, BpeTokenizer {

    /** The {@code tokenizer.ggml.*} keys and values that stand for this vocabulary. */
    Map<String, Object> ggufMetadata();

    /** Its special tokens and what {@code addSpecial} adds. */
    SpecialTokenIds special();

    /** How token {@code id} is written in text (control tokens as {@code <|eot_id|>}, ...). */
    String tokenText(int id);

    /** The model's Jinja chat template ({@code tokenizer.chat_template}), or null when the file has none. */
    String chatTemplate();

    /** Reads the vocabulary a GGUF file declares ({@code tokenizer.ggml.model}: {@code llama} or {@code gpt2}). */
    static GgufVocabulary fromGguf(GgufFile gguf) {
        String model = GgufMetadata.string(gguf, "tokenizer.ggml.model", "llama");
        return switch (model) {
            case "llama" -> SentencePieceTokenizer.fromGguf(gguf);
            case "gpt2" -> BpeTokenizer.fromGguf(gguf);
            default -> throw new ModelFormatException("GGUF file " + gguf.path() + " has the tokenizer '" + model
                    + "' (tokenizer.ggml.model); Hallmark runs llama (SentencePiece) and gpt2 (byte-level BPE)");
        };
    }
}
