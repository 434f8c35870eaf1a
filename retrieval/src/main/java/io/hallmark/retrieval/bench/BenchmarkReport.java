package io.hallmark.retrieval.bench;

import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param machine cores, JVM and embedder, to read the figures against
 * @param ingest ingest throughput runs
 * @param scales per index size: latency per mode and HNSW recall
 * @param notes how the data was made (what is real, what is synthetic)
 */
public record BenchmarkReport(Map<String, Object> machine, List<IngestRun> ingest, List<ScaleRun> scales, List<String> notes) {

    /**
     * One timed ingest.
     *
     * @param what what was ingested and how
     * @param chunks chunks written
     * @param seconds wall-clock seconds, commit included
     * @param chunksPerSecond throughput
     */
    public record IngestRun(String what, long chunks, double seconds, double chunksPerSecond) {}

    /**
     * Measurements at one index size.
     *
     * @param chunks chunks in the index
     * @param quantized whether the vectors were scalar-quantized
     * @param segments Lucene segments
     * @param latency per mode ({@code bm25}, {@code vector}, {@code hybrid}: full searches through the knowledge
     *     base, query embedding included; {@code embed-query}; {@code knn-only}: HNSW search of a ready vector over 50 candidates)
     * @param hnswRecallAt10 by candidates searched ({@code k=10}, {@code k=50}, {@code k=100}): mean overlap of
     *     the HNSW top 10 with the exact top 10
     * @param exactSearchMs mean time of one brute-force search over all vectors
     */
    public record ScaleRun(int chunks, boolean quantized, int segments, Map<String, Latency> latency,
            Map<String, Double> hnswRecallAt10, double exactSearchMs) {}
}
