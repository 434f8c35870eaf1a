package io.hallmark.textgen;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json}: encoding through DJL's Hugging Face tokenizers (the Rust library), decoding
 * token by token from the vocabulary's pieces ({@code U+2581} for spaces, {@code <0xNN>} byte fallback), so streamed
 * text can be assembled byte-exactly like the SentencePiece tokenizer's.
 */
public final class HfTokenizer implements Tokenizer {

    private final HuggingFaceTokenizer tokenizer;
    private final byte[][] pieces;
    private final int bos;
    private final int eos;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, byte[][] pieces, int bos, int eos) {
        this.tokenizer = tokenizer;
        this.pieces = pieces;
        this.bos = bos;
        this.eos = eos;
    }

    /** Reads {@code tokenizer.json}; {@code vocabSize} is the model's (it may exceed the tokenizer's). */
    public static HfTokenizer read(Path tokenizerJson, int vocabSize, int bos, int eos) {
        try {
            JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
            byte[][] pieces = new byte[vocabSize][];
            for (Map.Entry<String, JsonNode> e : root.path("model").path("vocab").properties()) {
                put(pieces, e.getValue().asInt(-1), e.getKey());
            }
            for (JsonNode added : root.path("added_tokens")) {
                put(pieces, added.path("id").asInt(-1), added.path("special").asBoolean() ? "" : added.path("content").asText());
            }
            for (int i = 0; i < pieces.length; i++) {
                if (pieces[i] == null) {
                    pieces[i] = new byte[0];
                }
            }
            HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("addSpecialTokens", "false"));
            return new HfTokenizer(hf, pieces, bos, eos);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException("Cannot read Hugging Face tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    private static void put(byte[][] pieces, int id, String piece) {
        if (id < 0 || id >= pieces.length) {
            return;
        }
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                pieces[id] = new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
                return;
            } catch (NumberFormatException e) {
                // an ordinary piece
            }
        }
        pieces[id] = piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int[] encode(String text, boolean addBos, boolean parseSpecial) {
        long[] ids = text.isEmpty() ? new long[0] : tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length + (addBos ? 1 : 0)];
        int n = 0;
        if (addBos) {
            out[n++] = bos;
        }
        for (long id : ids) {
            out[n++] = (int) id;
        }
        return out;
    }

    @Override
    public byte[] decode(int previous, int token) {
        if (token < 0 || token >= pieces.length) {
            throw new IllegalArgumentException("Token " + token + " is outside the vocabulary of " + pieces.length);
        }
        byte[] piece = pieces[token];
        if (previous == bos && piece.length > 0 && piece[0] == ' ') {
            return java.util.Arrays.copyOfRange(piece, 1, piece.length);
        }
        return piece;
    }

    @Override
    public int bos() {
        return bos;
    }

    @Override
    public int eos() {
        return eos;
    }

    @Override
    public int vocabSize() {
        return pieces.length;
    }
}
