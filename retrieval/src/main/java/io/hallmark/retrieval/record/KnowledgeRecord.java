package io.hallmark.retrieval.record;

import java.util.Optional;

/**
 * Where a knowledge base's sources, chunks and vectors are recorded, so that the local index is derived from it.
 * Implementations are thread-safe.
 */
public interface KnowledgeRecord {

    /** The content hash recorded for a source, if the record holds the source. */
    Optional<String> storedHash(String sourceId);

    /** Starts one atomic write (an ingest or a deletion). */
    RecordWrite begin();

    /**
     * Called after a write committed as {@code sequence}: brings the local index up to at least that sequence before
     * returning, so that the writer's next search sees its own write.
     */
    void committed(long sequence);
}
