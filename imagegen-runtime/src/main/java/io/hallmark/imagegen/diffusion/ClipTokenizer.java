package io.hallmark.imagegen.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, read from the {@code vocab.json} and {@code merges.txt} a Stable Diffusion export
 * ships (real exports have no {@code tokenizer.json}). Text is NFC-normalised, whitespace runs collapse to one space,
 * it is trimmed and lowercased, split with CLIP's pattern, each piece's UTF-8 bytes are mapped to GPT-2's printable
 * byte characters, and BPE merges by rank with {@code </w>} ending each word. Ids are {@code <|startoftext|>}, at
 * most {@code model_max_length - 2} ids and {@code <|endoftext|>}, padded with the pad token (SD 1.x pads with
 * {@code <|endoftext|>}, SD 2.x with {@code !}), all read from {@code tokenizer_config.json} and
 * {@code special_tokens_map.json} where present.
 */
public final class ClipTokenizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final String END_OF_WORD = "</w>";
    private static final int DEFAULT_MAX_LENGTH = 77;
    private static final int CACHE_LIMIT = 10_000;
    private static final String[] BYTE_CHARS = byteCharacters();

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final String bosToken;
    private final String eosToken;
    private final int bos;
    private final int eos;
    private final int pad;
    private final int maxLength;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(Map<String, Integer> vocab, Map<String, Integer> mergeRanks, String bosToken, String eosToken,
            String padToken, int maxLength) {
        this.vocab = vocab;
        this.mergeRanks = mergeRanks;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.bos = id(bosToken);
        this.eos = id(eosToken);
        this.pad = id(padToken);
        if (maxLength < 2) {
            throw new IllegalArgumentException("model_max_length must be at least 2, got " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Reads a {@code tokenizer/} folder: {@code vocab.json} and {@code merges.txt} (required), and
     * {@code tokenizer_config.json} / {@code special_tokens_map.json} for the special tokens and length (optional).
     */
    public static ClipTokenizer read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path vocabFile = dir.resolve("vocab.json");
        Path mergesFile = dir.resolve("merges.txt");
        for (Path p : List.of(vocabFile, mergesFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("The CLIP tokenizer needs " + p + " (tokenizer/vocab.json and tokenizer/merges.txt "
                        + "as a Stable Diffusion export writes them)");
            }
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : json.readTree(vocabFile.toFile()).properties()) {
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (String line : Files.readAllLines(mergesFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("#version") || line.isBlank()) {
                continue;
            }
            String[] pair = line.split(" ");
            if (pair.length != 2) {
                throw new IOException("Malformed merge '" + line + "' in " + mergesFile + "; expected two symbols");
            }
            ranks.putIfAbsent(pair[0] + " " + pair[1], ranks.size());
        }
        JsonNode config = readOptional(json, dir.resolve("tokenizer_config.json"));
        JsonNode special = readOptional(json, dir.resolve("special_tokens_map.json"));
        String bos = token(config, special, "bos_token", "<|startoftext|>");
        String eos = token(config, special, "eos_token", "<|endoftext|>");
        String padToken = token(config, special, "pad_token", eos);
        long configured = config.path("model_max_length").asLong(DEFAULT_MAX_LENGTH);
        // some configs say "no limit" with a huge number; CLIP's context is 77
        int maxLength = configured > 0 && configured <= 4096 ? (int) configured : DEFAULT_MAX_LENGTH;
        try {
            return new ClipTokenizer(vocab, ranks, bos, eos, padToken, maxLength);
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot use the tokenizer in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readOptional(ObjectMapper json, Path file) throws IOException {
        return Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
    }

    /** A special token from tokenizer_config.json, else special_tokens_map.json: a string or {"content": ...}. */
    private static String token(JsonNode config, JsonNode special, String field, String fallback) {
        for (JsonNode source : List.of(config, special)) {
            JsonNode v = source.get(field);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
            if (v != null && v.hasNonNull("content")) {
                return v.get("content").asText();
            }
        }
        return fallback;
    }

    /** The padded ids of {@code text}: exactly {@link #maxLength()} of them. */
    public int[] encode(String text) {
        int[] ids = new int[maxLength];
        Arrays.fill(ids, pad);
        ids[0] = bos;
        int n = 1;
        for (int id : tokens(text)) {
            if (n == maxLength - 1) {
                break;
            }
            ids[n++] = id;
        }
        ids[n] = eos;
        return ids;
    }

    /** The BPE ids of {@code text} without special tokens, truncation or padding. */
    public int[] tokens(String text) {
        String cleaned = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        List<Integer> out = new ArrayList<>();
        Matcher m = PIECES.matcher(cleaned);
        while (m.find()) {
            String piece = m.group();
            if (piece.equals(bosToken) || piece.equals(eosToken)) {
                out.add(id(piece));
                continue;
            }
            for (int id : bpeIds(piece)) {
                out.add(id);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public int maxLength() {
        return maxLength;
    }

    public int bosId() {
        return bos;
    }

    public int eosId() {
        return eos;
    }

    public int padId() {
        return pad;
    }

    private int[] bpeIds(String piece) {
        int[] cached = cache.get(piece);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        List<String> word = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            word.add(BYTE_CHARS[b & 0xff]);
        }
        word.set(word.size() - 1, word.getLast() + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        int[] ids = word.stream().mapToInt(this::id).toArray();
        if (cache.size() < CACHE_LIMIT) {
            cache.put(piece, ids);
        }
        return ids;
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("Token '" + token + "' is not in vocab.json; a CLIP vocabulary holds all 256 "
                    + "byte characters, their </w> forms and the special tokens");
        }
        return id;
    }

    /** GPT-2's reversible map from bytes to printable characters, which CLIP's vocabulary is written in. */
    private static String[] byteCharacters() {
        String[] chars = new String[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            chars[b] = printable[b] ? Character.toString(b) : Character.toString(256 + extra++);
        }
        return chars;
    }
}
