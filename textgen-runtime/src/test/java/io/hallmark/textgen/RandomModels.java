package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny random-weight models for conformance tests: a SentencePiece vocabulary whose pieces are all distinct,
 * valid UTF-8 (no byte tokens, so every generated token has a text of its own; the newline is a piece), and weights
 * scaled so logits spread widely (few near-ties).
 */
final class RandomModels {

    /** Rows of 256 so that every K-quant fits. */
    static final LlamaConfig SHAPE = new LlamaConfig(256, 512, 2, 4, 2, 512, 256, 1e-5f, 10000f, false);

    private RandomModels() {}

    static SentencePieceTokenizer vocabulary(int size) {
        List<String> pieces = new ArrayList<>(List.of("<unk>", "<s>", "</s>", " "));
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'-:;()";
        for (char c : letters.toCharArray()) {
            pieces.add(String.valueOf(c));
        }
        String common = "etaoinshrdlu";
        outer:
        for (char a : common.toCharArray()) {
            for (char b : letters.substring(0, 26).toCharArray()) {
                if (pieces.size() == size) {
                    break outer;
                }
                pieces.add(" " + a + b);
                if (pieces.size() < size) {
                    pieces.add("" + a + b);
                }
            }
        }
        // a newline of its own: node-llama-cpp tokenizes "\n" when it loads a model, and llama.cpp's SentencePiece
        // tokenizer aborts on a character it can spell neither as a piece nor as a byte token
        pieces.set(pieces.size() - 1, "\n");
        float[] scores = new float[pieces.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i < 4 ? 0 : -i;
        }
        return new SentencePieceTokenizer(pieces.toArray(String[]::new), scores, 1, 2);
    }

    /** Writes a random-weight model of {@code shape} in {@code type}. */
    static Path write(Path target, LlamaConfig shape, TensorType type, long seed) {
        SentencePieceTokenizer vocab = vocabulary(shape.vocabSize());
        GgufWriter.write(target, shape, vocab, name -> values(name, shape, seed), type, "random-" + type);
        return target;
    }

    static float[] values(String name, LlamaConfig shape, long seed) {
        if (name.equals(LlamaCheckpoint.ROPE_FREQS)) { // Llama 3.1-like: high frequencies kept, low ones slowed
            float[] f = new float[shape.headSize() / 2];
            for (int i = 0; i < f.length; i++) {
                f[i] = 1 + 7f * i / (f.length - 1);
            }
            return f;
        }
        boolean longFactors = name.equals(LlamaCheckpoint.ROPE_FACTORS_LONG);
        if (longFactors || name.equals(LlamaCheckpoint.ROPE_FACTORS_SHORT)) { // Phi-3-128k-like: long ones up to 16
            float[] f = new float[shape.headSize() / 2];
            for (int i = 0; i < f.length; i++) {
                double x = (double) i / (f.length - 1);
                f[i] = (float) (longFactors ? 1 + 15 * x * x : 1 + 0.5 * x);
            }
            return f;
        }
        long[] dims = GgufWriter.shapes(shape).get(name);
        int n = Math.toIntExact(RawTensor.elements(dims));
        SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
        float[] v = new float[n];
        if (name.endsWith(".bias")) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) (0.5 * random.nextGaussian());
            }
            return v;
        }
        boolean norm = dims.length == 1;
        double std = norm || name.startsWith("token_embd") || name.startsWith("output.") ? 1.0 : 1.0 / Math.sqrt(dims[1]);
        for (int i = 0; i < n; i++) {
            v[i] = (float) (norm ? 1 + 0.1 * random.nextGaussian() : std * random.nextGaussian());
        }
        return v;
    }
}
