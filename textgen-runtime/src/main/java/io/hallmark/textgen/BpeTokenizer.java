package io.hallmark.textgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2 byte-level BPE, the {@code gpt2} tokenizer model of GGUF files (Llama 3, Qwen 2/2.5/3): the text is split
 * by the pre-tokenizer the model declares ({@code tokenizer.ggml.pre}), each piece's UTF-8 bytes are spelled with
 * GPT-2's byte-to-character table, then adjacent symbols merge by the rank of {@code tokenizer.ggml.merges}, lowest
 * first (llama.cpp's algorithm). Llama 3's pre-tokenizer takes a piece that is a whole token as is (ignore_merges).
 */
public final class BpeTokenizer implements GgufVocabulary {

    /** A pre-tokenizer: its regular expression (as llama.cpp's llama-vocab.cpp gives it) and whether merges are skipped for whole tokens. */
    enum PreTokenizer {
        LLAMA3("(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
                + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", true),
        QWEN2("(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
                + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", false),
        GPT2("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)", false);

        final Pattern pattern;
        final boolean ignoreMerges;

        PreTokenizer(String regex, boolean ignoreMerges) {
            this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
            this.ignoreMerges = ignoreMerges;
        }

        /** The pre-tokenizer of a {@code tokenizer.ggml.pre} value, or an error naming it. */
        static PreTokenizer of(String name, String source) {
            return switch (name) {
                case "llama-bpe", "llama3", "llama-v3" -> LLAMA3;
                case "qwen2", "deepseek-r1-qwen" -> QWEN2;
                case "gpt-2", "gpt2" -> GPT2;
                default -> throw new ModelFormatException(source + " declares the pre-tokenizer '" + name
                        + "' (tokenizer.ggml.pre); Hallmark runs llama-bpe, qwen2 and gpt-2");
            };
        }
    }

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final Map<Character, Byte> CHAR_TO_BYTE = new HashMap<>();

    static {
        // GPT-2's table: printable Latin-1 bytes spell themselves, the others 256, 257, ... in byte order
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = (char) (printable ? b : next++);
            CHAR_TO_BYTE.put(BYTE_TO_CHAR[b], (byte) b);
        }
    }

    private final String[] tokens;
    private final int[] types;
    private final List<String> merges;
    private final String preName;
    private final PreTokenizer pre;
    private final SpecialTokenIds special;
    private final Map<String, Integer> ids;
    private final Map<String, Integer> ranks;
    private final SpecialTokens specials;
    private final boolean[] endOfGeneration;
    private final String chatTemplate;
    private final boolean stripAfterSpecial;

    /**
     * @param tokens the vocabulary in GPT-2's byte-level spelling (control tokens as written, e.g. {@code <|eot_id|>})
     * @param types GGUF token types
     * @param merges {@code "left right"} pairs, best first
     * @param pre the {@code tokenizer.ggml.pre} name
     */
    public BpeTokenizer(List<String> tokens, int[] types, List<String> merges, String pre, SpecialTokenIds special) {
        this(tokens, types, merges, pre, special, null);
    }

    /** @param chatTemplate the Jinja chat template, or null */
    public BpeTokenizer(List<String> tokens, int[] types, List<String> merges, String pre, SpecialTokenIds special,
            String chatTemplate) {
        this(tokens, types, merges, pre, special, chatTemplate, false);
    }

    /**
     * @param stripAfterSpecial drop the whitespace after special tokens, as llama.cpp does for a Phi-3
     *     {@code general.name} ({@link SpecialTokens#stripsAfterSpecialTokens})
     */
    BpeTokenizer(List<String> tokens, int[] types, List<String> merges, String pre, SpecialTokenIds special,
            String chatTemplate, boolean stripAfterSpecial) {
        this.chatTemplate = chatTemplate;
        this.stripAfterSpecial = stripAfterSpecial;
        if (tokens.isEmpty() || types.length != tokens.size()) {
            throw new IllegalArgumentException("A vocabulary needs one type per token: " + tokens.size() + " tokens, "
                    + types.length + " types");
        }
        this.tokens = tokens.toArray(String[]::new);
        this.types = types.clone();
        this.merges = List.copyOf(merges);
        this.preName = pre;
        this.pre = PreTokenizer.of(pre, "The vocabulary");
        this.special = special;
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.length; i++) {
            ids.putIfAbsent(this.tokens[i], i);
        }
        this.ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < merges.size(); i++) {
            String m = merges.get(i);
            int space = m.indexOf(' ', 1);
            if (space < 0) {
                throw new IllegalArgumentException("Merge " + i + " '" + m + "' is not two symbols separated by a space");
            }
            ranks.putIfAbsent(m.substring(0, space) + '\u0000' + m.substring(space + 1), i);
        }
        this.specials = new SpecialTokens(this.tokens, types, stripAfterSpecial);
        this.endOfGeneration = special.endOfGeneration(this.tokens, types);
    }

    /** The {@code gpt2} vocabulary of a GGUF file; {@code add_bos_token} defaults to true for llama-bpe only. */
    static BpeTokenizer fromGguf(GgufFile gguf) {
        List<String> tokens = GgufMetadata.strings(gguf, "tokenizer.ggml.tokens");
        String pre = GgufMetadata.string(gguf, "tokenizer.ggml.pre", "gpt-2");
        PreTokenizer p = PreTokenizer.of(pre, "GGUF file " + gguf.path());
        int[] types = gguf.metadata().containsKey("tokenizer.ggml.token_type")
                ? GgufMetadata.ints(gguf, "tokenizer.ggml.token_type", tokens.size()) : normalTypes(tokens.size());
        SpecialTokenIds special = SpecialTokenIds.fromGguf(gguf, tokens.size(), 11, 11, p == PreTokenizer.LLAMA3);
        return new BpeTokenizer(tokens, types, GgufMetadata.strings(gguf, "tokenizer.ggml.merges"), pre, special,
                GgufMetadata.string(gguf, "tokenizer.chat_template", null),
                SpecialTokens.stripsAfterSpecialTokens(GgufMetadata.string(gguf, "general.name", null)));
    }

    private static int[] normalTypes(int n) {
        int[] t = new int[n];
        java.util.Arrays.fill(t, SpecialTokens.NORMAL);
        return t;
    }

    @Override
    public Map<String, Object> ggufMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.model", "gpt2");
        m.put("tokenizer.ggml.pre", preName);
        m.put("tokenizer.ggml.tokens", List.of(tokens));
        m.put("tokenizer.ggml.token_type", types.clone());
        m.put("tokenizer.ggml.merges", merges);
        m.putAll(special.ggufMetadata());
        if (chatTemplate != null) {
            m.put("tokenizer.chat_template", chatTemplate);
        }
        return m;
    }

    /** GPT-2's spelling of raw bytes: one character per byte. */
    public static String byteLevel(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length);
        for (byte x : bytes) {
            b.append(BYTE_TO_CHAR[x & 0xff]);
        }
        return b.toString();
    }

    /** The pieces the pre-tokenizer splits {@code text} into (text between matches kept as pieces of its own). */
    List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = pre.pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                words.add(text.substring(last, m.start()));
            }
            if (m.end() > m.start()) {
                words.add(m.group());
            }
            last = m.end();
        }
        if (last < text.length()) {
            words.add(text.substring(last));
        }
        return words;
    }

    @Override
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        return encode(specials.split(text, parseSpecial), addSpecial);
    }

    @Override
    public int[] encode(String text, boolean addSpecial, java.util.BitSet literal) {
        return encode(specials.split(text, true, literal), addSpecial);
    }

    private int[] encode(List<Object> fragments, boolean addSpecial) {
        List<Integer> out = new ArrayList<>();
        for (Object fragment : fragments) {
            if (fragment instanceof String raw) {
                for (String word : preTokenize(raw)) {
                    encodeWord(byteLevel(word.getBytes(StandardCharsets.UTF_8)), out);
                }
            } else {
                out.add((Integer) fragment);
            }
        }
        return special.wrap(out.stream().mapToInt(Integer::intValue).toArray(), addSpecial);
    }

    private void encodeWord(String word, List<Integer> out) {
        if (pre.ignoreMerges) {
            Integer whole = ids.get(word);
            if (whole != null) {
                out.add(whole);
                return;
            }
        }
        List<String> symbols = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            symbols.add(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        while (symbols.size() > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(symbols.get(i) + '\u0000' + symbols.get(i + 1));
                if (rank != null && rank < best) {
                    best = rank;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            symbols.set(at, symbols.get(at) + symbols.remove(at + 1));
        }
        for (String s : symbols) {
            Integer id = ids.get(s);
            if (id != null) {
                out.add(id);
                continue;
            }
            for (int i = 0; i < s.length(); i++) { // no token for the symbol: its bytes one by one
                Integer single = ids.get(String.valueOf(s.charAt(i)));
                if (single == null) {
                    throw new IllegalArgumentException("The vocabulary has no token for the byte spelled '"
                            + s.charAt(i) + "'");
                }
                out.add(single);
            }
        }
    }

    @Override
    public byte[] decode(int previous, int token) {
        if (token < 0 || token >= tokens.length) {
            throw new IllegalArgumentException("Token " + token + " is outside the vocabulary of " + tokens.length);
        }
        if (types[token] == SpecialTokens.CONTROL) {
            return new byte[0];
        }
        String t = tokens[token];
        if (types[token] == SpecialTokens.USER_DEFINED) {
            return t.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(t.length());
        for (int i = 0; i < t.length(); i++) {
            Byte b = CHAR_TO_BYTE.get(t.charAt(i));
            if (b != null) {
                bytes.write(b);
            } else {
                bytes.writeBytes(String.valueOf(t.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean endsGeneration(int token) {
        return token >= 0 && token < endOfGeneration.length && endOfGeneration[token];
    }

    @Override
    public int tokenId(String text) {
        Integer id = ids.get(text);
        if (id != null) {
            return id;
        }
        id = ids.get(byteLevel(text.getBytes(StandardCharsets.UTF_8)));
        return id != null ? id : -1;
    }

    @Override
    public String tokenText(int id) {
        return tokens[id];
    }

    @Override
    public String chatTemplate() {
        return chatTemplate;
    }

    /** This vocabulary with {@code template} as its chat template. */
    public BpeTokenizer withChatTemplate(String template) {
        return new BpeTokenizer(List.of(tokens), types, merges, preName, special, template, stripAfterSpecial);
    }

    @Override
    public SpecialTokenIds special() {
        return special;
    }

    @Override
    public int bos() {
        return special.bos();
    }

    @Override
    public int eos() {
        return special.eos();
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }
}
