/**
 * The Lucene 10 index behind a knowledge base: {@link io.hallmark.retrieval.index.LuceneIndex} keeps one
 * Lucene document per chunk with BM25 text fields, string fields for filters and an HNSW vector field
 * (optionally scalar-quantized, {@link io.hallmark.retrieval.index.VectorCodec}); it commits atomically and
 * searches near-real-time readers. Field names are in {@link io.hallmark.retrieval.index.IndexFields}.
 */
package io.hallmark.retrieval.index;
