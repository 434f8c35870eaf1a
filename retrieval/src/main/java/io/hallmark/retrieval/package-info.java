/**
 * The knowledge base that governance searches for evidence: ingestion and chunking, in-process embedding,
 * a Lucene index with BM25 and HNSW vector fields, and BM25, vector and hybrid search.
 *
 * <p>Start at {@link io.hallmark.retrieval.KnowledgeBase}: open one per folder, {@code ingest} documents,
 * {@code search} them, {@code delete} sources. Subpackages: {@code ingest} (readers for text, Markdown, HTML,
 * PDF and JSON Lines), {@code chunk} (sentence- and heading-aware chunking), {@code embed} (the
 * {@link io.hallmark.retrieval.embed.Embedder} interface and the ONNX embedders), {@code index} (Lucene),
 * {@code search} (requests, hits, fusion, re-ranking), {@code record} (the record an index can be derived from, e.g.
 * the platform's PostgreSQL tables), {@code langchain4j} (the {@code ContentRetriever} adapter), {@code eval} (the
 * Climate-FEVER evaluator) and {@code bench} (the benchmark).
 *
 * <p>This module depends only on the SDK ({@code platform-api}) and third-party libraries; nothing here
 * knows of persistence or HTTP.
 */
package io.hallmark.retrieval;
