package io.hallmark.retrieval.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weighted reciprocal rank fusion of a BM25 and a vector ranking (see {@link FusionWeights}). */
public final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {}

    /**
     * Fuses two rankings of hits (best first) into one, best first. Ties keep BM25 order, then vector order.
     * The returned hits carry the fused score and their rank in each list.
     */
    public static List<SearchHit> fuse(List<SearchHit> bm25, List<SearchHit> vector, FusionWeights weights) {
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, int[]> ranks = new LinkedHashMap<>();
        add(bm25, weights.bm25(), weights.rrfK(), 0, hits, scores, ranks);
        add(vector, weights.vector(), weights.rrfK(), 1, hits, scores, ranks);
        List<SearchHit> fused = new ArrayList<>(hits.size());
        hits.forEach((id, hit) -> fused.add(hit.withRanks(ranks.get(id)[0], ranks.get(id)[1]).withScore(scores.get(id))));
        fused.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return fused;
    }

    private static void add(List<SearchHit> ranking, double weight, int rrfK, int which, Map<String, SearchHit> hits,
            Map<String, Double> scores, Map<String, int[]> ranks) {
        for (int i = 0; i < ranking.size(); i++) {
            SearchHit hit = ranking.get(i);
            hits.putIfAbsent(hit.chunkId(), hit);
            scores.merge(hit.chunkId(), weight / (rrfK + i + 1), Double::sum);
            ranks.computeIfAbsent(hit.chunkId(), id -> new int[2])[which] = i + 1;
        }
    }
}
