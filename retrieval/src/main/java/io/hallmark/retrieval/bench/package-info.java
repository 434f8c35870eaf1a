/**
 * The retrieval benchmark ({@link io.hallmark.retrieval.bench.RetrievalBenchmark}): ingest throughput with
 * and without embedding, query latency per mode at two index sizes, and HNSW recall@10 against exact search
 * on the same vectors. Not a test: run it with {@code hallmark bench retrieval}.
 */
package io.hallmark.retrieval.bench;
