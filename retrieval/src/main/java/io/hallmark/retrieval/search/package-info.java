/**
 * Search requests and results: {@link io.hallmark.retrieval.search.SearchRequest} (query, mode, k, filter,
 * fusion weights), {@link io.hallmark.retrieval.search.SearchHit}, the
 * {@link io.hallmark.retrieval.search.ReciprocalRankFusion} that makes hybrid search, and the optional
 * {@link io.hallmark.retrieval.search.Reranker} hook (for a cross-encoder).
 */
package io.hallmark.retrieval.search;
