/**
 * Retrieval on SolrCloud: {@link io.hallmark.search.solrcloud.SolrCloudIndex} implements the retrieval module's
 * {@link io.hallmark.retrieval.index.ChunkIndex} on a SolrCloud collection (SolrJ only; the same fields, analysis,
 * BM25 parameters, HNSW settings and evidence records as the local Lucene index), and
 * {@link io.hallmark.search.solrcloud.RetrievalBackend} reads {@code retrieval-backend=local|solrcloud} and opens a
 * knowledge base on the chosen one. Fusion and re-ranking stay in {@link io.hallmark.retrieval.KnowledgeBase},
 * client-side, for both.
 */
package io.hallmark.search.solrcloud;
