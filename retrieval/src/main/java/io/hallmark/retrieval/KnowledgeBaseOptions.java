package io.hallmark.retrieval;

import io.hallmark.retrieval.chunk.ChunkingOptions;
import io.hallmark.retrieval.ingest.DocumentLoader;
import io.hallmark.retrieval.search.Reranker;
import org.jspecify.annotations.Nullable;

/**
 * How a knowledge base chunks, indexes and re-ranks.
 *
 * @param chunking chunk size and overlap
 * @param quantizedVectors whether to store vectors in the scalar-quantized HNSW format
 * @param embedBatch how many chunks to embed and write at a time
 * @param maxFileBytes files larger than this are skipped
 * @param reranker an optional re-ranking hook applied to every search, or {@code null}
 */
public record KnowledgeBaseOptions(ChunkingOptions chunking, boolean quantizedVectors, int embedBatch,
        long maxFileBytes, @Nullable Reranker reranker) {

    public static final KnowledgeBaseOptions DEFAULT =
            new KnowledgeBaseOptions(ChunkingOptions.DEFAULT, false, 256, DocumentLoader.DEFAULT_MAX_FILE_BYTES, null);

    public KnowledgeBaseOptions {
        if (embedBatch < 1) {
            throw new IllegalArgumentException("embedBatch must be at least 1, got " + embedBatch);
        }
    }

    public KnowledgeBaseOptions withChunking(ChunkingOptions newChunking) {
        return new KnowledgeBaseOptions(newChunking, quantizedVectors, embedBatch, maxFileBytes, reranker);
    }

    public KnowledgeBaseOptions withQuantizedVectors(boolean quantized) {
        return new KnowledgeBaseOptions(chunking, quantized, embedBatch, maxFileBytes, reranker);
    }

    public KnowledgeBaseOptions withReranker(@Nullable Reranker newReranker) {
        return new KnowledgeBaseOptions(chunking, quantizedVectors, embedBatch, maxFileBytes, newReranker);
    }

    public KnowledgeBaseOptions withMaxFileBytes(long bytes) {
        return new KnowledgeBaseOptions(chunking, quantizedVectors, embedBatch, bytes, reranker);
    }
}
