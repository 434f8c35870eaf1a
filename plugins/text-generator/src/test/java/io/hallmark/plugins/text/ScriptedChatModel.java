package io.hallmark.plugins.text;

import io.hallmark.textgen.BpeTokenizer;
import io.hallmark.textgen.GgufWriter;
import io.hallmark.textgen.LlamaConfig;
import io.hallmark.textgen.SpecialTokenIds;
import io.hallmark.textgen.TensorType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny GGUF chat model written for a test (the app module's tests have the same one): a byte-level BPE vocabulary
 * (every byte, no merges) with ChatML's control tokens and chat template, and weights built so that greedy decoding
 * after the template's generation prompt ({@code <|im_start|>assistant\n}) writes {@link #REPLY} one byte
 * at a time and then the end-of-turn token {@code <|im_end|>}. Attention and feed-forward outputs are zero, so the hidden state is the current token's
 * embedding: {@code \n} maps to slot 1, the reply's k-th byte to slot 2+k, every other token to slot 0; the output
 * row of the next byte reads the previous one's slot, and {@code <|im_end|>} reads slot 0 and the last byte's slot.
 */
final class ScriptedChatModel {

    /** What the model answers (distinct bytes, so the chain never loops). */
    static final String REPLY = "Hi!";

    static final String TEMPLATE = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    static final List<String> CONTROL = List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>");

    private static final int DIM = 16;

    private ScriptedChatModel() {}

    /** Writes the model with ChatML's template to {@code file} (F32 tensors). */
    static void write(Path file) {
        write(file, TEMPLATE);
    }

    /** Writes the model with {@code template} as its {@code tokenizer.chat_template}. */
    static void write(Path file, String template) {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(BpeTokenizer.byteLevel(new byte[] {(byte) b}));
        }
        tokens.addAll(CONTROL);
        int[] types = new int[tokens.size()];
        java.util.Arrays.fill(types, 1); // GGUF token type 1: normal
        int imEnd = 257;
        int endOfText = 258;
        for (int i = 256; i < types.length; i++) {
            types[i] = 3; // GGUF token type 3: control
        }
        BpeTokenizer vocabulary = new BpeTokenizer(tokens, types, List.of(), "qwen2",
                new SpecialTokenIds(endOfText, endOfText, imEnd, -1, false, false), template);
        LlamaConfig shape = new LlamaConfig(DIM, 32, 1, 2, 2, tokens.size(), 256, 1e-5f, 10000f, false);
        byte[] reply = REPLY.getBytes(StandardCharsets.US_ASCII);
        GgufWriter.write(file, shape, vocabulary, name -> values(name, shape, reply, imEnd), TensorType.F32,
                "scripted-chatml");
    }

    private static float[] values(String name, LlamaConfig shape, byte[] reply, int imEnd) {
        long[] dims = GgufWriter.shapes(shape).get(name);
        float[] v = new float[Math.toIntExact(java.util.Arrays.stream(dims).reduce(1, (a, b) -> a * b))];
        if (name.endsWith("norm.weight")) {
            java.util.Arrays.fill(v, 1f);
        } else if (name.equals("token_embd.weight")) {
            for (int t = 0; t < shape.vocabSize(); t++) {
                v[t * DIM + slot(t, reply)] = 1f;
            }
        } else if (name.equals("output.weight")) {
            v[(reply[0] & 0xff) * DIM + 1] = 10f; // after "\n" comes the reply's first byte
            for (int k = 1; k < reply.length; k++) {
                v[(reply[k] & 0xff) * DIM + 2 + k - 1] = 10f;
            }
            v[imEnd * DIM + 2 + reply.length - 1] = 10f; // after the last byte: end of turn
            v[imEnd * DIM] = 10f; // and after anything else
        }
        return v; // attention and feed-forward weights stay zero
    }

    private static int slot(int token, byte[] reply) {
        if (token == '\n') {
            return 1;
        }
        for (int k = 0; k < reply.length; k++) {
            if (token == (reply[k] & 0xff)) {
                return 2 + k;
            }
        }
        return 0;
    }
}
