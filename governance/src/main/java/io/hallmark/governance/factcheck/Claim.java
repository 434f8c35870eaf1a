package io.hallmark.governance.factcheck;

/**
 * One checkable, atomic statement found in a text.
 *
 * @param text the statement as it is checked (coordinations split, a leading pronoun replaced by its referent)
 * @param start the first character of its span in the content
 * @param end one past the last character of its span
 * @param sentence the index of the sentence it came from
 */
public record Claim(String text, int start, int end, int sentence) {

    public Claim {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A claim needs text");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Invalid claim span [" + start + ", " + end + ")");
        }
    }

    /** A claim that is a whole text of its own (evaluation data, single statements). */
    public static Claim of(String text) {
        return new Claim(text.strip(), 0, Math.max(1, text.strip().length()), 0);
    }
}
