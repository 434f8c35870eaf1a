package io.hallmark.api.input;

import io.hallmark.api.InvalidRequestException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises text where it enters the platform, so that storage never sees what it cannot store.
 *
 * <p>PostgreSQL cannot store U+0000 in {@code text} or {@code jsonb}, and an unpaired UTF-16 surrogate is not a
 * character at all (it cannot be encoded as UTF-8). Fields of a request are refused when they hold either
 * ({@link #checked}); documents are cleaned instead ({@link #clean}), because one bad byte in a long document is no
 * reason to lose it, and the caller reports what was removed.
 */
public final class TextInput {

    private TextInput() {}

    /** What {@link #clean} did to a text: the text without unstorable characters, and how many it removed. */
    public record Cleaned(String text, int removed) {

        /** Whether anything was removed. */
        public boolean changed() {
            return removed > 0;
        }
    }

    /**
     * Returns {@code value} when it is storable and at most {@code maxChars} long.
     *
     * @throws InvalidRequestException naming {@code field} when the value holds NUL or an unpaired surrogate, or is
     *     too long
     */
    public static String checked(String field, String value, int maxChars) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' holds " + problem.get()
                    + ", which cannot be stored; send text without it");
        }
        if (value.length() > maxChars) {
            throw InvalidRequestException.of(field, "Field '" + field + "' has " + value.length()
                    + " characters; the maximum is " + maxChars);
        }
        return value;
    }

    /**
     * Returns {@code value} when it matches {@code alphabet} entirely.
     *
     * @param rule the alphabet in words for the message, e.g. {@code 1-64 lower-case letters, digits, '.', '_', '-'}
     * @throws InvalidRequestException naming {@code field} otherwise
     */
    public static String identifier(String field, String value, Pattern alphabet, String rule) {
        if (!alphabet.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be " + rule + ", was '"
                    + quote(value) + "'");
        }
        return value;
    }

    /**
     * A free-text label (a name shown in lists): storable, no control characters, at most {@code maxChars} long and
     * not blank.
     */
    public static String label(String field, String value, int maxChars) {
        checked(field, value, maxChars);
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be 1-" + maxChars
                    + " characters without control characters, was '" + quote(value) + "'");
        }
        return value;
    }

    /**
     * Describes the first character of {@code value} that storage cannot hold (NUL or an unpaired surrogate), e.g.
     * {@code a NUL character (U+0000) at index 4}; empty when the value is storable.
     */
    public static Optional<String> problem(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("a NUL character (U+0000) at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(unpaired(c, i));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(unpaired(c, i));
            }
        }
        return Optional.empty();
    }

    /** Whether storage can hold {@code value} as it is. */
    public static boolean storable(CharSequence value) {
        return problem(value).isEmpty();
    }

    /**
     * Document text made storable and readable: NUL, unpaired surrogates and the other C0 control characters except
     * tab, line feed, form feed and carriage return are removed.
     */
    public static Cleaned clean(String text) {
        StringBuilder out = null;
        int removed = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean drop = !pair && (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\f'
                    && c != '\r'));
            if (drop) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                removed++;
            } else if (out != null) {
                out.append(c);
            }
            if (pair) {
                i++;
                if (out != null) {
                    out.append(text.charAt(i));
                }
            }
        }
        return new Cleaned(out == null ? text : out.toString(), removed);
    }

    /** {@code value} for an error message: at most 64 characters, unprintable ones as {@code \}{@code uXXXX}. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return value.length() > 64 ? out + "…" : out.toString();
    }

    private static String unpaired(char c, int index) {
        return String.format("an unpaired surrogate (U+%04X) at index %d, which is not valid Unicode", (int) c, index);
    }
}
