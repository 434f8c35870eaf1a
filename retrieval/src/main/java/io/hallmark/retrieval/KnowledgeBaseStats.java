package io.hallmark.retrieval;

import java.nio.file.Path;

/**
 * What a knowledge base holds.
 *
 * @param path its folder
 * @param sources live sources
 * @param chunks live chunks
 * @param embedder the embedder name ({@code none} for BM25 only)
 * @param dimension the vector dimension (0 without vectors)
 * @param quantizedVectors whether vectors are scalar-quantized
 * @param segments Lucene segments
 * @param sizeBytes bytes on disk
 * @param commitGeneration the generation of the last commit
 * @param lastCommit when the last commit was made (ISO-8601), or empty
 */
public record KnowledgeBaseStats(Path path, long sources, long chunks, String embedder, int dimension,
        boolean quantizedVectors, int segments, long sizeBytes, long commitGeneration, String lastCommit) {}
