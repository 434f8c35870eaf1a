package io.hallmark.textgen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A vocabulary's special tokens and what to add around a text, from GGUF metadata: {@code tokenizer.ggml.bos_token_id},
 * {@code eos_token_id}, {@code eot_token_id}, {@code eom_token_id}, {@code add_bos_token}, {@code add_eos_token}.
 * Generation ends at end of sequence, end of turn or end of message, and at the control tokens that chat models
 * end a turn with ({@code <|eot_id|>}, {@code <|im_end|>}, {@code <end_of_turn>}, {@code <|end|>}, ...), as
 * llama.cpp does.
 *
 * @param eot end of turn, or -1
 * @param eom end of message, or -1
 */
public record SpecialTokenIds(int bos, int eos, int eot, int eom, boolean addBos, boolean addEos) {

    /** Control tokens that end a turn in the chat formats of the supported models. */
    static final Set<String> END_OF_TURN_TEXTS = Set.of("<|eot_id|>", "<|eom_id|>", "<|im_end|>", "<|end|>",
            "<end_of_turn>", "<|endoftext|>", "<EOT>", "<|end_of_text|>");

    /** Reads the ids from GGUF metadata, with {@code defaultAddBos} when the file does not say. */
    static SpecialTokenIds fromGguf(GgufFile gguf, int vocabSize, int defaultBos, int defaultEos, boolean defaultAddBos) {
        int bos = id(gguf, "tokenizer.ggml.bos_token_id", defaultBos, vocabSize);
        int eos = id(gguf, "tokenizer.ggml.eos_token_id", defaultEos, vocabSize);
        int eot = id(gguf, "tokenizer.ggml.eot_token_id", -1, vocabSize);
        int eom = id(gguf, "tokenizer.ggml.eom_token_id", -1, vocabSize);
        return new SpecialTokenIds(bos, eos, eot, eom, GgufMetadata.flag(gguf, "tokenizer.ggml.add_bos_token", defaultAddBos),
                GgufMetadata.flag(gguf, "tokenizer.ggml.add_eos_token", false));
    }

    private static int id(GgufFile gguf, String key, int fallback, int vocabSize) {
        Object v = gguf.metadata().get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.longValue() < 0 || n.longValue() >= vocabSize) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' is " + v
                    + ", not a token id of the vocabulary of " + vocabSize);
        }
        return n.intValue();
    }

    /** The GGUF metadata that stands for these ids. */
    Map<String, Object> ggufMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.bos_token_id", bos);
        m.put("tokenizer.ggml.eos_token_id", eos);
        if (eot >= 0) {
            m.put("tokenizer.ggml.eot_token_id", eot);
        }
        if (eom >= 0) {
            m.put("tokenizer.ggml.eom_token_id", eom);
        }
        m.put("tokenizer.ggml.add_bos_token", addBos);
        m.put("tokenizer.ggml.add_eos_token", addEos);
        return m;
    }

    /** Which ids end a generation, given each token's text and GGUF type. */
    boolean[] endOfGeneration(String[] texts, int[] types) {
        boolean[] end = new boolean[texts.length];
        for (int id : new int[] {eos, eot, eom}) {
            if (id >= 0) {
                end[id] = true;
            }
        }
        for (int i = 0; i < texts.length; i++) {
            if (types[i] == SpecialTokens.CONTROL && END_OF_TURN_TEXTS.contains(texts[i])) {
                end[i] = true;
            }
        }
        return end;
    }

    /** Adds BOS before and EOS after {@code tokens} as the model asks, when {@code addSpecial}. */
    int[] wrap(int[] tokens, boolean addSpecial) {
        if (!addSpecial || (!addBos && !addEos)) {
            return tokens;
        }
        int[] out = new int[tokens.length + (addBos ? 1 : 0) + (addEos ? 1 : 0)];
        int n = 0;
        if (addBos) {
            out[n++] = bos;
        }
        System.arraycopy(tokens, 0, out, n, tokens.length);
        if (addEos) {
            out[out.length - 1] = eos;
        }
        return out;
    }

    @Override
    public String toString() {
        return "bos " + bos + ", eos " + eos + (eot >= 0 ? ", eot " + eot : "") + (eom >= 0 ? ", eom " + eom : "")
                + ", add_bos " + addBos + ", add_eos " + addEos;
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
