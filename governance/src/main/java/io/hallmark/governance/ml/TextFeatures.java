package io.hallmark.governance.ml;

import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns texts into dense feature vectors: the sentence embedding of the text (384 dimensions for the shipped
 * models), then {@link #NGRAM_BUCKETS} hashed character 3- to 5-grams of the lower-cased text (log counts, unit
 * length), then {@link #SHAPE} shape statistics (length, symbol and upper-case shares, odd tokens, lines). The
 * n-grams catch wording the embedding smooths over ("ignore previous instructions", adversarial suffixes); the
 * shape statistics catch machine-made suffixes.
 */
public final class TextFeatures {

    public static final int NGRAM_BUCKETS = 2048;
    public static final int SHAPE = 6;

    private final Embedder embedder;

    public TextFeatures(Embedder embedder) {
        this.embedder = embedder;
    }

    public Embedder embedder() {
        return embedder;
    }

    public int dimension() {
        return embedder.dimension() + NGRAM_BUCKETS + SHAPE;
    }

    /**
     * One vector per text, in order. Vectors of short texts (sentences) are kept in a small LRU cache, so the
     * assessors of one governance run (toxicity and bias both read the output's sentences) embed each sentence once.
     * The returned arrays are shared: do not modify them.
     */
    public List<float[]> features(List<String> texts) {
        return features(texts, done -> { });
    }

    /** Texts embedded per step of {@link #features(List, java.util.function.IntConsumer)}'s progress. */
    static final int PROGRESS_STEP = 256;

    /**
     * One vector per text, in order, as {@link #features(List)}; {@code done} hears how many texts are embedded after
     * every {@value #PROGRESS_STEP} of them (for a training's progress bar).
     */
    public List<float[]> features(List<String> texts, java.util.function.IntConsumer done) {
        if (texts.size() <= PROGRESS_STEP) {
            List<float[]> out = embedOnce(texts);
            done.accept(texts.size());
            return out;
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += PROGRESS_STEP) {
            out.addAll(embedOnce(texts.subList(from, Math.min(texts.size(), from + PROGRESS_STEP))));
            done.accept(out.size());
        }
        return out;
    }

    private List<float[]> embedOnce(List<String> texts) {
        return features(texts, List.of());
    }

    /**
     * The features of whole texts, then of windows of tokenized texts ({@link Embedder#tokens}), in order, from one
     * embedding call: a text is embedded as the model reads it whole (its first {@link Tokens#windowSize()} word
     * pieces), a window from its own word pieces; the n-grams and shape statistics are those of the text or of the
     * window's characters. Used by readers that must read all of a long text (the input screens).
     */
    public List<float[]> features(List<String> texts, List<Tokens.Window> windows) {
        int count = texts.size() + windows.size();
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = i < texts.size() ? texts.get(i) : windows.get(i - texts.size()).text();
        }
        float[][] out = new float[count][];
        List<Integer> missingTexts = new ArrayList<>();
        List<Integer> missingWindows = new ArrayList<>();
        synchronized (recent) {
            for (int i = 0; i < count; i++) {
                out[i] = recent.get(keys[i]);
                if (out[i] == null) {
                    (i < texts.size() ? missingTexts : missingWindows).add(i);
                }
            }
        }
        if (!missingTexts.isEmpty() || !missingWindows.isEmpty()) {
            List<String> wholes = missingTexts.stream().map(i -> clip(texts.get(i))).toList();
            List<float[]> embeddings = missingWindows.isEmpty() ? embedder.embedDocuments(wholes)
                    : embedder.embedWithWindows(wholes,
                            missingWindows.stream().map(i -> windows.get(i - texts.size())).toList());
            List<Integer> missing = new ArrayList<>(missingTexts);
            missing.addAll(missingWindows);
            synchronized (recent) {
                for (int k = 0; k < missing.size(); k++) {
                    int i = missing.get(k);
                    out[i] = combine(embeddings.get(k), keys[i]);
                    if (keys[i].length() <= CACHED_LENGTH) {
                        recent.put(keys[i], out[i]);
                    }
                }
            }
        }
        return java.util.Arrays.asList(out);
    }

    private static final int CACHED_LENGTH = 1000;
    private static final int CACHE_SIZE = 1024;

    private final java.util.Map<String, float[]> recent = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public float[] features(String text) {
        return features(List.of(text)).get(0);
    }

    /**
     * Long texts are embedded whole by their first 4,000 characters (the model reads its first 128 word pieces anyway;
     * a reader that must read all of a text reads it in windows, {@link #features(List, List)}).
     */
    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    private float[] combine(float[] embedding, String text) {
        int e = embedding.length;
        float[] v = new float[e + NGRAM_BUCKETS + SHAPE];
        System.arraycopy(embedding, 0, v, 0, e);
        ngrams(text, v, e);
        shape(text, v, e + NGRAM_BUCKETS);
        return v;
    }

    static void ngrams(String text, float[] v, int offset) {
        String s = " " + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        int limit = Math.min(s.length(), 6000);
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= limit; i++) {
                int h = s.substring(i, i + n).hashCode() * 0x9E3779B1;
                v[offset + Math.floorMod(h >>> 7, NGRAM_BUCKETS)] += 1;
            }
        }
        double norm = 0;
        for (int i = offset; i < offset + NGRAM_BUCKETS; i++) {
            v[i] = (float) Math.log1p(v[i]);
            norm += v[i] * v[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = offset; i < offset + NGRAM_BUCKETS; i++) {
                v[i] *= inv;
            }
        }
    }

    static void shape(String text, float[] v, int offset) {
        int letters = 0;
        int upper = 0;
        int symbols = 0;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            } else if (c == '\n') {
                lines++;
            } else if (!Character.isWhitespace(c) && !Character.isDigit(c) && ".,?!'\"-".indexOf(c) < 0) {
                symbols++;
            }
        }
        String[] tokens = text.trim().split("\\s+");
        int odd = 0;
        for (String t : tokens) {
            if (odd(t)) {
                odd++;
            }
        }
        int len = Math.max(1, text.length());
        v[offset] = (float) (Math.log1p(text.length()) / 8);
        v[offset + 1] = (float) symbols / len * 5;
        v[offset + 2] = letters == 0 ? 0 : (float) upper / letters;
        v[offset + 3] = tokens.length == 0 ? 0 : (float) odd / tokens.length * 3;
        v[offset + 4] = (float) (Math.log(lines) / 4);
        v[offset + 5] = (float) (Math.log1p(tokens.length) / 7);
    }

    /** A token mixing letters with symbols or case in a way words do not ("oppositeley.](", "aB}x"). */
    private static boolean odd(String t) {
        int kinds = 0;
        boolean letter = false;
        boolean symbol = false;
        boolean innerUpper = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(t.charAt(i - 1))) {
                    innerUpper = true;
                }
            } else if (!Character.isDigit(c) && ".,?!'\"-:;".indexOf(c) < 0) {
                symbol = true;
            }
        }
        kinds += letter && symbol ? 1 : 0;
        kinds += innerUpper ? 1 : 0;
        return kinds > 0;
    }
}
