package io.hallmark.retrieval.index;

import java.util.Map;

/**
 * What an index holds.
 *
 * @param sources live sources
 * @param chunks live chunks
 * @param segments index segments
 * @param sizeBytes bytes on disk
 * @param commitGeneration the generation of the last commit (0 before the first)
 * @param commitData the user data of the last commit (embedder, dimension, time)
 */
public record IndexStats(long sources, long chunks, int segments, long sizeBytes, long commitGeneration,
        Map<String, String> commitData) {
    public IndexStats {
        commitData = Map.copyOf(commitData);
    }
}
