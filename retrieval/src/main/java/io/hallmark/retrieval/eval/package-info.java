/**
 * Retrieval evaluation on real data: {@link io.hallmark.retrieval.eval.ClimateFeverDataset} reads the
 * Climate-FEVER corpus and claims from {@code ../shared/eval/climate-fever};
 * {@link io.hallmark.retrieval.eval.RetrievalEvaluator} scores recall@5, recall@20 and MRR of the gold
 * evidence for BM25, vector and hybrid search, and tunes the fusion weights (on dev only).
 */
package io.hallmark.retrieval.eval;
