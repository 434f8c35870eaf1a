package io.hallmark.retrieval.search;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import java.util.Objects;

/**
 * One search.
 *
 * @param query the query text: not blank, at most {@link #MAX_QUERY_CHARS} characters
 * @param mode BM25, vector or hybrid
 * @param k how many hits to return, 1 to {@link #MAX_K}
 * @param filter source and metadata restrictions
 * @param fusion weights for hybrid mode
 */
public record SearchRequest(String query, SearchMode mode, int k, SearchFilter filter, FusionWeights fusion) {

    /** The longest query accepted; evidence queries are claims, not documents. */
    public static final int MAX_QUERY_CHARS = 2_000;
    /** The most hits one search returns. */
    public static final int MAX_K = 1_000;

    public SearchRequest {
        Objects.requireNonNull(mode, "mode");
        filter = filter == null ? SearchFilter.NONE : filter;
        fusion = fusion == null ? FusionWeights.DEFAULT : fusion;
        if (query == null || query.isBlank()) {
            throw new InvalidRetrievalRequestException("The query is empty; give some words to search for");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidRetrievalRequestException("The query is " + query.length() + " characters long (starting '"
                    + query.substring(0, 40).replaceAll("\\s+", " ") + "...'); the limit is " + MAX_QUERY_CHARS
                    + ": search with a sentence or claim, not a document");
        }
        if (k < 1 || k > MAX_K) {
            throw new InvalidRetrievalRequestException("k must be between 1 and " + MAX_K + ", got " + k);
        }
    }

    public static SearchRequest of(String query, SearchMode mode, int k) {
        return new SearchRequest(query, mode, k, SearchFilter.NONE, FusionWeights.DEFAULT);
    }

    public SearchRequest withFilter(SearchFilter newFilter) {
        return new SearchRequest(query, mode, k, newFilter, fusion);
    }

    public SearchRequest withFusion(FusionWeights newFusion) {
        return new SearchRequest(query, mode, k, filter, newFusion);
    }

    public SearchRequest withMode(SearchMode newMode) {
        return new SearchRequest(query, newMode, k, filter, fusion);
    }
}
