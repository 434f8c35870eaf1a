package io.hallmark.governance.pii;

import java.util.List;

/** Replaces personal data with its kind in brackets, e.g. {@code [EMAIL]}. */
public final class PiiRedactor {

    /** A redacted text and what was removed. */
    public record Redacted(String text, List<PiiFinding> findings) {}

    private final PiiDetector detector;

    public PiiRedactor(PiiDetector detector) {
        this.detector = detector;
    }

    public Redacted redact(String text) {
        List<PiiFinding> findings = detector.find(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiFinding f : findings) {
            out.append(text, at, f.start()).append('[').append(f.type().name()).append(']');
            at = f.end();
        }
        out.append(text, at, text.length());
        return new Redacted(out.toString(), findings);
    }
}
