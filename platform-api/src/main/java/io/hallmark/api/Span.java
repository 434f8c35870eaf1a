package io.hallmark.api;

/**
 * A character range {@code [start, end)} in the checked text, with a label (e.g. a claim, a PII kind).
 */
public record Span(int start, int end, String label) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
    }
}
