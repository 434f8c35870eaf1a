package io.hallmark.retrieval.search;

/** How to search: lexical, semantic, or both fused. */
public enum SearchMode {
    /** BM25 over the chunk text and title. */
    BM25,
    /** Nearest neighbours of the query embedding (HNSW). */
    VECTOR,
    /** BM25 and vector results fused by weighted reciprocal rank fusion. */
    HYBRID
}
