package io.hallmark.retrieval.ingest;

/**
 * A document that ingestion took after removing characters the platform cannot store or show (NUL, unpaired
 * surrogates, control characters other than tab and line breaks; see
 * {@link io.hallmark.api.input.TextInput#clean}).
 *
 * @param source the document's id after cleaning
 * @param removed how many characters were removed from its id, title, headings, text and metadata
 */
public record Cleaning(String source, int removed) {

    @Override
    public String toString() {
        return source + ": " + removed + " unstorable or control character" + (removed == 1 ? "" : "s") + " removed";
    }
}
