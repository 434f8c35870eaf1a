package io.hallmark.retrieval.eval;

/**
 * Ranking quality of one search mode over a query set, averaged over queries.
 *
 * @param queries how many queries were scored
 * @param recallAt5 the fraction of a query's gold sources found in the top 5
 * @param recallAt20 the same in the top 20
 * @param mrr mean reciprocal rank of the first gold source in the top 20 (0 when none)
 */
public record ModeMetrics(int queries, double recallAt5, double recallAt20, double mrr) {}
