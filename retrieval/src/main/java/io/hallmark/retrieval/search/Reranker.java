package io.hallmark.retrieval.search;

import java.util.List;

/**
 * The optional re-ranking hook (for example a cross-encoder): it receives the query and the candidate pool
 * of a search (more than k hits) and returns them in a new order, usually with new scores; the knowledge
 * base keeps the first k.
 */
@FunctionalInterface
public interface Reranker {

    List<SearchHit> rerank(String query, List<SearchHit> candidates);
}
