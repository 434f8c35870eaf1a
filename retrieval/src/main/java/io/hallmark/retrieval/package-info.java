/**
 * The knowledge base that governance searches for evidence: ingestion and chunking, in-process embedding,
 * a Lucene index with BM25 and HNSW vector fields, and hybrid search.
 *
 * <p>This module depends only on the SDK ({@code platform-api}); nothing here knows of persistence or HTTP.
 * Its capabilities arrive with the retrieval issue; the module exists now so the module arrows hold from
 * the first commit.
 */
package io.hallmark.retrieval;
