package io.hallmark.textgen;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SentencePiece-style BPE vocabulary: pieces with merge scores, byte fallback tokens {@code <0xNN>} and a
 * leading space before the text. Encoding splits the text into characters (unknown ones into bytes) and then
 * repeatedly merges the adjacent pair whose joined piece has the highest score, the way llama2.c and
 * llama.cpp's SentencePiece vocab do.
 *
 * <p>Pieces are kept as raw bytes (in ISO-8859-1 strings, one char per byte), with spaces as {@code ' '}
 * (GGUF spells them {@code U+2581}).
 */
public final class SentencePieceTokenizer implements GgufVocabulary {

    private static final String SPM_SPACE = "\u2581";

    private final String[] pieces;
    private final float[] scores;
    private final int[] types;
    private final SpecialTokenIds special;
    private final boolean addSpacePrefix;
    private final Map<String, Integer> ids;
    private final int bos;
    private final int eos;
    private final int maxPieceBytes;
    private final int[] byteTokens = new int[256];
    private final String[] texts;
    private final SpecialTokens specials;
    private final boolean[] endOfGeneration;
    private final String chatTemplate;
    private final boolean stripAfterSpecial;

    /**
     * A vocabulary of raw-byte pieces (one char per byte, {@code ' '} for spaces) whose token types follow from the
     * ids: 0 unknown, BOS and EOS control, {@code <0xNN>} bytes; BOS added, EOS not.
     */
    public SentencePieceTokenizer(String[] pieces, float[] scores, int bos, int eos) {
        this(pieces, scores, defaultTypes(pieces, bos, eos), new SpecialTokenIds(bos, eos, -1, -1, true, false), true,
                null, false);
    }

    private SentencePieceTokenizer(String[] pieces, float[] scores, int[] types, SpecialTokenIds special,
            boolean addSpacePrefix, String chatTemplate, boolean stripAfterSpecial) {
        this.chatTemplate = chatTemplate;
        this.stripAfterSpecial = stripAfterSpecial;
        if (pieces.length != scores.length || pieces.length == 0 || types.length != pieces.length) {
            throw new IllegalArgumentException("A vocabulary needs one score and one type per piece: " + pieces.length
                    + " pieces, " + scores.length + " scores, " + types.length + " types");
        }
        this.pieces = pieces.clone();
        this.scores = scores.clone();
        this.types = types.clone();
        this.special = special;
        this.addSpacePrefix = addSpacePrefix;
        this.bos = special.bos();
        this.eos = special.eos();
        this.texts = new String[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            texts[i] = new String(pieces[i].getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
        this.specials = new SpecialTokens(texts, types, stripAfterSpecial);
        this.endOfGeneration = special.endOfGeneration(texts, types);
        this.ids = new HashMap<>(pieces.length * 2);
        int longest = 1;
        for (int i = 0; i < pieces.length; i++) {
            ids.putIfAbsent(pieces[i], i);
            longest = Math.max(longest, pieces[i].length());
        }
        this.maxPieceBytes = longest;
        for (int b = 0; b < 256; b++) {
            byteTokens[b] = ids.getOrDefault(String.format("<0x%02X>", b), -1);
        }
    }

    /** Reads a llama2.c {@code tokenizer.bin} ({@code tok512.bin}): max length, then score, length, bytes per token. */
    public static SentencePieceTokenizer readLlama2c(Path file, int vocabSize) {
        try {
            byte[] all = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            String[] pieces = new String[vocabSize];
            float[] scores = new float[vocabSize];
            need(b, 4, file, "the header (int32 max token length)");
            b.getInt();
            for (int i = 0; i < vocabSize; i++) {
                need(b, 8, file, "token " + i + " of " + vocabSize + " (float32 score, int32 length)");
                scores[i] = b.getFloat();
                int len = b.getInt();
                if (len < 0 || len > 1024) {
                    throw new ModelFormatException("Tokenizer " + file + " is corrupt: token " + i + " has length " + len
                            + "; expected 0..1024");
                }
                need(b, len, file, "the " + len + " bytes of token " + i);
                byte[] bytes = new byte[len];
                b.get(bytes);
                pieces[i] = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return new SentencePieceTokenizer(pieces, scores, 1, 2);
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read tokenizer " + file + ": " + e, e);
        }
    }

    private static void need(ByteBuffer b, int bytes, Path file, String what) {
        if (b.remaining() < bytes) {
            throw new ModelFormatException("Tokenizer " + file + " is truncated: it ends at byte " + b.position()
                    + " where " + what + " was expected");
        }
    }

    /** A vocabulary from GGUF metadata (UTF-8 pieces with {@code U+2581} for spaces). */
    public static SentencePieceTokenizer fromGguf(List<String> tokens, float[] scores, int bos, int eos) {
        return new SentencePieceTokenizer(rawPieces(tokens), scores, bos, eos);
    }

    /**
     * The {@code llama} (SentencePiece) vocabulary of a GGUF file: tokens, scores, token types, special ids,
     * {@code add_bos_token} (default true), {@code add_eos_token}, {@code add_space_prefix} (default true); the
     * whitespace after special tokens is dropped where llama.cpp drops it (a Phi-3 {@code general.name}).
     */
    static SentencePieceTokenizer fromGguf(GgufFile gguf) {
        List<String> tokens = GgufMetadata.strings(gguf, "tokenizer.ggml.tokens");
        String[] pieces = rawPieces(tokens);
        float[] scores = GgufMetadata.floats(gguf, "tokenizer.ggml.scores", tokens.size());
        SpecialTokenIds special = SpecialTokenIds.fromGguf(gguf, tokens.size(), 1, 2, true);
        int[] types = gguf.metadata().containsKey("tokenizer.ggml.token_type")
                ? GgufMetadata.ints(gguf, "tokenizer.ggml.token_type", tokens.size())
                : defaultTypes(pieces, special.bos(), special.eos());
        return new SentencePieceTokenizer(pieces, scores, types, special,
                GgufMetadata.flag(gguf, "tokenizer.ggml.add_space_prefix", true),
                GgufMetadata.string(gguf, "tokenizer.chat_template", null),
                SpecialTokens.stripsAfterSpecialTokens(GgufMetadata.string(gguf, "general.name", null)));
    }

    private static String[] rawPieces(List<String> tokens) {
        String[] pieces = new String[tokens.size()];
        for (int i = 0; i < pieces.length; i++) {
            String utf8 = tokens.get(i).replace(SPM_SPACE, " ");
            pieces[i] = new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }
        return pieces;
    }

    @Override
    public Map<String, Object> ggufMetadata() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("tokenizer.ggml.model", "llama");
        m.put("tokenizer.ggml.tokens", ggufTokens());
        m.put("tokenizer.ggml.scores", scores());
        m.put("tokenizer.ggml.token_type", ggufTokenTypes());
        m.putAll(special.ggufMetadata());
        m.put("tokenizer.ggml.unknown_token_id", 0);
        m.put("tokenizer.ggml.add_space_prefix", addSpacePrefix);
        if (chatTemplate != null) {
            m.put("tokenizer.chat_template", chatTemplate);
        }
        return m;
    }

    private static int[] defaultTypes(String[] pieces, int bos, int eos) {
        int[] types = new int[pieces.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = i == 0 ? SpecialTokens.UNKNOWN : i == bos || i == eos ? SpecialTokens.CONTROL
                    : pieces[i].matches("<0x[0-9A-F]{2}>") ? SpecialTokens.BYTE : SpecialTokens.NORMAL;
        }
        return types;
    }

    /** The pieces as GGUF stores them: UTF-8 text with {@code U+2581} for spaces. */
    public List<String> ggufTokens() {
        return java.util.Arrays.stream(pieces)
                .map(p -> new String(p.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).replace(" ", SPM_SPACE))
                .toList();
    }

    /** GGUF token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 6 byte. */
    public int[] ggufTokenTypes() {
        return types.clone();
    }

    @Override
    public String tokenText(int id) {
        return texts[id];
    }

    @Override
    public String chatTemplate() {
        return chatTemplate;
    }

    /** This vocabulary with {@code template} as its chat template. */
    public SentencePieceTokenizer withChatTemplate(String template) {
        return new SentencePieceTokenizer(pieces, scores, types, special, addSpacePrefix, template, stripAfterSpecial);
    }

    @Override
    public SpecialTokenIds special() {
        return special;
    }

    public float[] scores() {
        return scores.clone();
    }

    @Override
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        return encode(specials.split(text, parseSpecial), addSpecial, text.length());
    }

    @Override
    public int[] encode(String text, boolean addSpecial, java.util.BitSet literal) {
        return encode(specials.split(text, true, literal), addSpecial, text.length());
    }

    private int[] encode(List<Object> fragments, boolean addSpecial, int length) {
        int[] buffer = new int[length * 4 + 8];
        int n = 0;
        boolean afterSpecial = true; // llama.cpp puts the space prefix before the text and after each special token
        for (Object fragment : fragments) {
            if (fragment instanceof String raw) {
                String prefixed = addSpacePrefix && afterSpecial ? " " + raw : raw;
                if (buffer.length < n + prefixed.length() * 4) {
                    buffer = java.util.Arrays.copyOf(buffer, n + prefixed.length() * 4 + 8);
                }
                n = encodeRaw(prefixed, buffer, n);
                afterSpecial = false;
            } else {
                if (buffer.length == n) {
                    buffer = java.util.Arrays.copyOf(buffer, n * 2 + 8);
                }
                buffer[n++] = (Integer) fragment;
                afterSpecial = true;
            }
        }
        return special.wrap(java.util.Arrays.copyOf(buffer, n), addSpecial);
    }

    /** Appends the tokens of {@code text} (spaces as {@code ' '}) to {@code buffer} from {@code start}. */
    private int encodeRaw(String text, int[] buffer, int start) {
        int n = start;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            Integer id = ids.get(new String(utf8, StandardCharsets.ISO_8859_1));
            if (id != null) {
                buffer[n++] = id;
            } else {
                for (byte b : utf8) {
                    int byteToken = byteTokens[b & 0xff];
                    buffer[n++] = byteToken >= 0 ? byteToken : (b & 0xff) + 3;
                }
            }
        }
        // merge the best-scoring adjacent pair until none merges
        while (true) {
            float best = Float.NEGATIVE_INFINITY;
            int bestId = -1;
            int bestIndex = -1;
            for (int i = start; i < n - 1; i++) {
                String a = pieces[buffer[i]];
                String b = pieces[buffer[i + 1]];
                if (a.length() + b.length() > maxPieceBytes) {
                    continue;
                }
                Integer id = ids.get(a + b);
                if (id != null && scores[id] > best) {
                    best = scores[id];
                    bestId = id;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) {
                break;
            }
            buffer[bestIndex] = bestId;
            System.arraycopy(buffer, bestIndex + 2, buffer, bestIndex + 1, n - bestIndex - 2);
            n--;
        }
        return n;
    }

    @Override
    public byte[] decode(int previous, int token) {
        if (token < 0 || token >= pieces.length) {
            throw new IllegalArgumentException("Token " + token + " is outside the vocabulary of " + pieces.length);
        }
        if (types[token] == SpecialTokens.CONTROL) {
            return new byte[0];
        }
        String piece = pieces[token];
        if (previous == bos && piece.startsWith(" ")) {
            piece = piece.substring(1);
        }
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException e) {
                // an ordinary piece that looks like one
            }
        }
        return piece.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean endsGeneration(int token) {
        return token >= 0 && token < endOfGeneration.length && endOfGeneration[token];
    }

    @Override
    public int tokenId(String text) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].equals(text) && types[i] != SpecialTokens.NORMAL) {
                return i;
            }
        }
        Integer id = ids.get(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        return id != null ? id : -1;
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
