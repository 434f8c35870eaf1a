package io.hallmark.retrieval.record;

import io.hallmark.retrieval.index.IndexedChunk;
import java.util.List;

/**
 * One atomic write to a {@link KnowledgeRecord}: nothing is visible to anyone until {@link #commit()}; closing an
 * uncommitted write discards it.
 */
public interface RecordWrite extends AutoCloseable {

    /** Puts a source with its chunks and vectors (replacing what the record held for it). */
    void put(String sourceId, String hash, List<IndexedChunk> chunks);

    /** Deletes a source; returns whether the record held it. */
    boolean delete(String sourceId);

    /**
     * Commits the write.
     *
     * @return the knowledge base's change sequence after the write (unchanged when the write changed nothing)
     */
    long commit();

    /** Discards the write when it was not committed. */
    @Override
    void close();
}
