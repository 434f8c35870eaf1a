package io.hallmark.retrieval.index;

import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a knowledge base keeps its chunks and searches them: the search interface every retrieval backend
 * implements. {@link LuceneIndex} is the local one (a Lucene index on this node's disk); a distributed engine
 * (the {@code search-solrcloud} module) is another. Every backend indexes a chunk the same way (see
 * {@link IndexFields}: BM25 over the English-analysed text and, with weight 0.3, the title and heading; an HNSW
 * dot-product vector field) and answers with the same {@link SearchHit} evidence records, so the knowledge base
 * fuses and re-ranks them identically whichever backend holds them.
 *
 * <p>Writes become durable (and, for a remote backend, visible to every node) at {@link #commit()}.
 */
public interface ChunkIndex extends AutoCloseable {

    /** Opens a backend's index for a knowledge base built with these settings. */
    @FunctionalInterface
    interface Opener {
        /**
         * @throws io.hallmark.retrieval.InvalidRetrievalRequestException when the index was built with other settings
         */
        ChunkIndex open(IndexSettings settings);
    }

    /** Receives chunk ids with their vectors. */
    @FunctionalInterface
    interface VectorVisitor {
        void visit(String chunkId, float[] vector);
    }

    /**
     * Where the index lives, for messages and stats: its folder, or for a remote backend a path naming it
     * ({@code solrcloud/<collection>}).
     */
    Path path();

    IndexSettings settings();

    /** The content hash stored with a source, if the source is in the index. */
    Optional<String> sourceHash(String sourceId);

    /**
     * The content hashes stored with these sources, by source id; sources not in the index are left out. A remote
     * backend answers it in a few requests rather than one per source.
     */
    default Map<String, String> sourceHashes(Collection<String> sourceIds) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String id : sourceIds) {
            sourceHash(id).ifPresent(h -> out.put(id, h));
        }
        return out;
    }

    /** Replaces every chunk of a source with these (durable at the next commit). */
    void replaceSource(String sourceId, String hash, List<IndexedChunk> chunks);

    /** Deletes every chunk of a source; returns whether it had any. */
    boolean deleteSource(String sourceId);

    /** Makes every write so far durable and visible to searches. */
    void commit();

    /** BM25 over the chunk text (and, with a lower weight, title and heading); best first. */
    List<SearchHit> bm25(String query, SearchFilter filter, int n);

    /** Approximate nearest neighbours (HNSW) of a unit query vector; best first, scores in [0, 1]. */
    List<SearchHit> knn(float[] vector, SearchFilter filter, int n);

    /** Every live chunk with its vector, for exact (brute-force) comparisons in benchmarks. */
    int visitVectors(VectorVisitor visitor);

    /**
     * The passage vectors stored at ingest for {@code model} (see {@link IndexedChunk#passageVectors()}), by chunk
     * id; chunks without one, and ids not in the index, are left out.
     */
    Map<String, float[]> vectors(Collection<String> chunkIds, String model);

    /** The live sources in id order, a page at a time. */
    List<IndexedSource> sources(int offset, int limit);

    /** Counts of what the index holds. */
    IndexStats stats();

    /**
     * The snapshot searches read now, e.g. {@code lucene-v42}: grows with every change, so a decision can name
     * the knowledge-base snapshot it read.
     */
    String snapshot();

    /**
     * Whether the index can no longer be used as it is (a local writer closed by a tragic I/O error) and must be
     * opened again; a remote backend answers {@code false} and reports errors per call.
     */
    default boolean broken() {
        return false;
    }

    /** Closes the index; for the local backend, writes since the last commit are discarded. */
    @Override
    void close();
}
