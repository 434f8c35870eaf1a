package io.hallmark.core.db;

/**
 * The last guard before JSON text is written to a PostgreSQL {@code jsonb} column: PostgreSQL refuses the escape
 * {@code \}{@code u0000} ("unsupported Unicode escape sequence"), so a NUL that slipped past the input boundary (a
 * knowledge-base passage ingested before cleaning existed, a model's output quoted as evidence) would fail the whole
 * transaction and lose the work. It becomes U+FFFD, the replacement character, instead; unpaired surrogates (escaped
 * or raw), which PostgreSQL cannot store either, likewise. Every {@code ?::jsonb} write and Hibernate's JSON columns
 * ({@link StorableJsonFormatMapper}) go through {@link #storable(String)}.
 */
public final class JsonbText {

    private static final String REPLACEMENT = "\\ufffd";

    private JsonbText() {}

    /** {@code json} with every NUL and unpaired surrogate (escaped or raw) replaced by {@code \}{@code ufffd}. */
    public static String storable(String json) {
        StringBuilder out = null;
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            String replacement = null;
            int consumed = 1;
            if (c == '\\' && i + 1 < n) {
                consumed = 2;
                if (json.charAt(i + 1) == 'u') {
                    int code = hex(json, i + 2);
                    consumed = code < 0 ? 2 : 6;
                    if (code == 0 || Character.isLowSurrogate((char) code) && code >= 0) {
                        replacement = REPLACEMENT;
                    } else if (code >= 0 && Character.isHighSurrogate((char) code)) {
                        int next = i + 6 + 1 < n && json.charAt(i + 6) == '\\' && json.charAt(i + 7) == 'u'
                                ? hex(json, i + 8) : -1;
                        if (next >= 0 && Character.isLowSurrogate((char) next)) {
                            consumed = 12;
                        } else {
                            replacement = REPLACEMENT;
                        }
                    }
                }
            } else if (c == 0) {
                replacement = REPLACEMENT;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(json.charAt(i + 1))) {
                consumed = 2;
            } else if (Character.isSurrogate(c)) {
                replacement = REPLACEMENT;
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(n + 8).append(json, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(json, i, Math.min(n, i + consumed));
                }
            }
            i += consumed - 1;
        }
        return out == null ? json : out.toString();
    }

    /** The value of four hex digits at {@code from}, or -1. */
    private static int hex(String s, int from) {
        if (from + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
