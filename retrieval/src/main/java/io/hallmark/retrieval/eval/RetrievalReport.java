package io.hallmark.retrieval.eval;

import io.hallmark.retrieval.search.FusionWeights;
import java.util.Map;

/**
 * An evaluation run.
 *
 * @param dataset the dataset name
 * @param split dev or test
 * @param claims queries in the split
 * @param corpusChunks chunks in the knowledge base searched
 * @param embedder the embedding model
 * @param fusion the hybrid fusion weights used
 * @param evidence metrics per mode (bm25, vector, hybrid) against evidence labelled SUPPORTED or REFUTED,
 *     over the claims that have some
 * @param candidates metrics per mode against all five annotated candidates, over all claims
 * @param ingestSeconds time to build (or confirm) the knowledge base
 * @param searchSeconds time to run every query in every mode
 */
public record RetrievalReport(String dataset, String split, int claims, long corpusChunks, String embedder,
        FusionWeights fusion, Map<String, ModeMetrics> evidence, Map<String, ModeMetrics> candidates,
        double ingestSeconds, double searchSeconds) {}
