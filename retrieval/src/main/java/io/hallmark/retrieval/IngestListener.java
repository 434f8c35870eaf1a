package io.hallmark.retrieval;

/** Hears ingest progress (for a progress bar); called from the ingesting thread. */
@FunctionalInterface
public interface IngestListener {

    IngestListener NONE = (done, total, chunks) -> {};

    /**
     * @param sourcesDone sources handled so far
     * @param sourcesTotal sources in this ingest
     * @param chunksWritten chunks written so far
     */
    void progress(int sourcesDone, int sourcesTotal, long chunksWritten);
}
