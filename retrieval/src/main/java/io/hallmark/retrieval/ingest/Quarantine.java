package io.hallmark.retrieval.ingest;

/**
 * A document the injection screen flagged at ingest: it is not indexed (an earlier version of it is removed), so
 * nothing retrieves it.
 *
 * @param source the document's id
 * @param input its name in screen findings: {@code kb:<knowledge base>/<source id>}
 * @param screen the screen that flagged it ({@code injection})
 * @param score the screen's score (0..1, flagged from 0.8)
 * @param start the first character of the span that scored highest, in the document's text
 * @param end one past its last
 * @param span that span's text
 */
public record Quarantine(String source, String input, String screen, double score, int start, int end, String span) {

    /** As the ingest report lists it (REST and {@code hallmark kb ingest --json}). */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("source", source);
        m.put("input", input);
        m.put("screen", screen);
        m.put("score", score);
        m.put("start", start);
        m.put("end", end);
        m.put("span", span);
        return m;
    }

    @Override
    public String toString() {
        return source + ": " + screen + " " + score + " on \"" + (span.length() > 120 ? span.substring(0, 117) + "..."
                : span) + "\" [" + start + ", " + end + ")";
    }
}
