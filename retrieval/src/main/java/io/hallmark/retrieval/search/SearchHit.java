package io.hallmark.retrieval.search;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One retrieved chunk.
 *
 * @param chunkId {@code <sourceId>#<position>}
 * @param sourceId the source it belongs to
 * @param position its position in the source
 * @param title the source title
 * @param heading the heading it sits under, or {@code null}
 * @param text the matched chunk text
 * @param metadata the source metadata
 * @param score the mode's score (BM25 score, vector similarity in [0, 1], fused RRF score, or re-ranker score)
 * @param bm25Rank rank in the BM25 list (from 1), 0 when absent
 * @param vectorRank rank in the vector list (from 1), 0 when absent
 */
public record SearchHit(String chunkId, String sourceId, int position, String title, @Nullable String heading,
        String text, Map<String, String> metadata, double score, int bm25Rank, int vectorRank) {

    public SearchHit {
        metadata = Map.copyOf(metadata);
    }

    public SearchHit withScore(double newScore) {
        return new SearchHit(chunkId, sourceId, position, title, heading, text, metadata, newScore, bm25Rank, vectorRank);
    }

    SearchHit withRanks(int newBm25Rank, int newVectorRank) {
        return new SearchHit(chunkId, sourceId, position, title, heading, text, metadata, score, newBm25Rank,
                newVectorRank);
    }
}
