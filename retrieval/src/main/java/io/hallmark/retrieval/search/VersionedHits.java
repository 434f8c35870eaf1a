package io.hallmark.retrieval.search;

import java.util.List;

/**
 * Search hits with the version of the knowledge base they were read from.
 *
 * @param version the snapshot the search read, e.g. {@code kb-seq-42} for a knowledge base that follows a record
 *     (its change sequence) or {@code lucene-v7} for a local-only one (Lucene's index version)
 * @param sequence the record's change sequence the index had applied, or -1 for a local-only knowledge base
 * @param hits best first
 */
public record VersionedHits(String version, long sequence, List<SearchHit> hits) {

    public VersionedHits {
        hits = List.copyOf(hits);
    }
}
