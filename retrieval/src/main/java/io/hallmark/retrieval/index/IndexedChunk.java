package io.hallmark.retrieval.index;

import io.hallmark.retrieval.chunk.Chunk;
import org.jspecify.annotations.Nullable;

/**
 * A chunk ready for the index: the chunk and its embedding.
 *
 * @param chunk the chunk
 * @param vector its unit-length embedding, or {@code null} in an index without vectors
 */
public record IndexedChunk(Chunk chunk, float @Nullable [] vector) {}
