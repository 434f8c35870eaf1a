package io.hallmark.governance.pii;

/**
 * One piece of personal data in a text.
 *
 * @param type what kind it is
 * @param start first character
 * @param end one past the last character
 * @param text the matched text
 */
public record PiiFinding(PiiType type, int start, int end, String text) {

    public PiiFinding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
    }

    boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }
}
