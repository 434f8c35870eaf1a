package io.hallmark.retrieval.ingest;

/**
 * Something ingestion did not take, and why: a file that is binary, empty, too large or unreadable, or a
 * JSON Lines row that is not a valid record.
 *
 * @param source the file (or the file and line) that was skipped
 * @param line the 1-based line number for a JSON Lines row, 0 for a whole file
 * @param reason what was wrong and what to do about it
 */
public record Skip(String source, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
