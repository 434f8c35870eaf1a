package io.hallmark.retrieval.index;

import io.hallmark.retrieval.chunk.Chunk;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chunk ready for the index: the chunk and its embedding.
 *
 * @param chunk the chunk
 * @param vector its unit-length embedding, or {@code null} in an index without vectors
 * @param passageVectors document embeddings of the chunk's text alone (no title) by other models, by model name:
 *     stored, not searchable, so that a consumer comparing text with chunks on those models (the fact checker's
 *     semantic verifiers) need not embed the chunk again
 */
public record IndexedChunk(Chunk chunk, float @Nullable [] vector, Map<String, float[]> passageVectors) {

    public IndexedChunk {
        passageVectors = Map.copyOf(passageVectors);
    }

    /** A chunk with its searchable embedding only. */
    public IndexedChunk(Chunk chunk, float @Nullable [] vector) {
        this(chunk, vector, Map.of());
    }
}
