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

    private final int[] ids;
    private final String[] texts;
    private final int[] types;

    /** @param texts each token's text as written in prompts, by id; @param types GGUF token types, by id */
    SpecialTokens(String[] texts, int[] types) {
        this.ids = IntStream.range(0, texts.length)
                .filter(i -> (types[i] == CONTROL || types[i] == UNKNOWN || types[i] == USER_DEFINED) && !texts[i].isEmpty())
                .boxed().sorted(Comparator.comparingInt((Integer i) -> -texts[i].length()).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        this.texts = texts;
        this.types = types;
    }

    /** The text split into raw {@link String} fragments and {@link Integer} token ids, in order. */
    List<Object> split(String text, boolean parseSpecial) {
        return split(text, parseSpecial, null);
    }

    /**
     * As {@link #split(String, boolean)}, but a special token is never taken where it overlaps a character whose bit
     * is set in {@code literal} (text from an untrusted party, e.g. a chat message inside a rendered template).
     */
    List<Object> split(String text, boolean parseSpecial, java.util.BitSet literal) {
        List<Object> fragments = new ArrayList<>();
        if (!text.isEmpty()) {
            fragments.add(text);
        }
        for (int id : ids) {
            if (!parseSpecial && types[id] != USER_DEFINED) {
                continue;
            }
            String special = texts[id];
            List<Object> next = new ArrayList<>(fragments.size());
            int offset = 0; // where each fragment starts in text
            for (Object f : fragments) {
                if (!(f instanceof String raw)) {
                    next.add(f);
                    offset += texts[(Integer) f].length();
                    continue;
                }
                int from = 0;
                for (int at = raw.indexOf(special); at >= 0; at = raw.indexOf(special, at + 1)) {
                    if (at < from || (literal != null && literal.nextSetBit(offset + at) >= 0
                            && literal.nextSetBit(offset + at) < offset + at + special.length())) {
                        continue;
                    }
                    if (at > from) {
                        next.add(raw.substring(from, at));
                    }
                    next.add(id);
                    from = at + special.length();
                }
                if (from < raw.length()) {
                    next.add(raw.substring(from));
                }
                offset += raw.length();
            }
            fragments = next;
        }
        return fragments;
    }
}
