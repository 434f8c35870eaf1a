package io.hallmark.textgen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds special tokens written in text, the way llama.cpp partitions a prompt: control, unknown and user-defined
 * tokens (GGUF token types 3, 2, 4), longest first, each split out of the raw text left to right; without
 * {@code parseSpecial} only user-defined tokens are taken.
 */
final class SpecialTokens {

    /** GGUF token types. */
    static final int NORMAL = 1;
    static final int UNKNOWN = 2;
    static final int CONTROL = 3;
    static final int USER_DEFINED = 4;
    static final int UNUSED = 5;
    static final int BYTE = 6;

    /** Special tokens llama.cpp never strips whitespace after, even in a Phi-3 file. */
    private static final java.util.Set<String> NEVER_RIGHT_STRIPPED = java.util.Set.of("<unk>", "<s>", "<|endoftext|>");

    private final int[] ids;
    private final String[] texts;
    private final int[] types;
    private final boolean rightStrip;

    /** @param texts each token's text as written in prompts, by id; @param types GGUF token types, by id */
    SpecialTokens(String[] texts, int[] types) {
        this(texts, types, false);
    }

    /**
     * @param rightStrip whether the whitespace after a special token (all but {@code <unk>}, {@code <s>} and
     *     {@code <|endoftext|>}) is dropped, as llama.cpp does for a file whose {@code general.name} names Phi-3
     *     ({@link #stripsAfterSpecialTokens})
     */
    SpecialTokens(String[] texts, int[] types, boolean rightStrip) {
        this.ids = IntStream.range(0, texts.length)
                .filter(i -> (types[i] == CONTROL || types[i] == UNKNOWN || types[i] == USER_DEFINED) && !texts[i].isEmpty())
                .boxed().sorted(Comparator.comparingInt((Integer i) -> -texts[i].length()).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        this.texts = texts;
        this.types = types;
        this.rightStrip = rightStrip;
    }

    /**
     * Whether llama.cpp drops the whitespace after special tokens for a model of this {@code general.name}: it gives
     * every special token but {@code <unk>}, {@code <s>} and {@code <|endoftext|>} the right-strip attribute when the
     * lower-cased name contains "phi-3" or "phi3" (llama-vocab.cpp, as Phi-3's Hugging Face tokenizer strips them).
     */
    static boolean stripsAfterSpecialTokens(String generalName) {
        String name = generalName == null ? "" : generalName.toLowerCase(java.util.Locale.ROOT);
        return name.contains("phi-3") || name.contains("phi3");
    }

    /** The text split into raw {@link String} fragments and {@link Integer} token ids, in order. */
    List<Object> split(String text, boolean parseSpecial) {
        return split(text, parseSpecial, null);
    }

    /** A raw fragment: {@code text[start, end)}. */
    private record Raw(int start, int end) {}

    /**
     * As {@link #split(String, boolean)}, but a special token is never taken where it overlaps a character whose bit
     * is set in {@code literal} (text from an untrusted party, e.g. a chat message inside a rendered template).
     */
    List<Object> split(String text, boolean parseSpecial, java.util.BitSet literal) {
        List<Object> fragments = new ArrayList<>();
        if (!text.isEmpty()) {
            fragments.add(new Raw(0, text.length()));
        }
        for (int id : ids) {
            if (!parseSpecial && types[id] != USER_DEFINED) {
                continue;
            }
            String special = texts[id];
            boolean strip = rightStrip && !NEVER_RIGHT_STRIPPED.contains(special);
            List<Object> next = new ArrayList<>(fragments.size());
            for (Object f : fragments) {
                if (!(f instanceof Raw raw)) {
                    next.add(f);
                    continue;
                }
                int from = raw.start();
                for (int at = text.indexOf(special, from); at >= 0 && at + special.length() <= raw.end();
                        at = text.indexOf(special, at + 1)) {
                    if (at < from || (literal != null && literal.nextSetBit(at) >= 0
                            && literal.nextSetBit(at) < at + special.length())) {
                        continue;
                    }
                    if (at > from) {
                        next.add(new Raw(from, at));
                    }
                    next.add(id);
                    from = at + special.length();
                    while (strip && from < raw.end() && isSpace(text.charAt(from))) { // C's isspace, as llama.cpp
                        from++;
                    }
                }
                if (from < raw.end()) {
                    next.add(new Raw(from, raw.end()));
                }
            }
            fragments = next;
        }
        List<Object> out = new ArrayList<>(fragments.size());
        for (Object f : fragments) {
            out.add(f instanceof Raw raw ? text.substring(raw.start(), raw.end()) : f);
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
