package io.hallmark.retrieval.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one file format. A reader either returns the documents of a file, reports rows it could not take
 * through {@code skips} (JSON Lines), or throws {@link UnreadableDocumentException} when the whole file is
 * unusable.
 */
public interface DocumentReader {

    /** Lower-case file extensions without the dot, e.g. {@code md}. */
    List<String> extensions();

    /**
     * Reads the file.
     *
     * @param file the file
     * @param sourceId the source id to give a one-document file (its path relative to the ingest root)
     * @param skips receives rows that were skipped, with their line numbers
     */
    List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException;
}
