package io.hallmark.retrieval.eval;

import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.search.ReciprocalRankFusion;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores BM25, vector and hybrid search of a knowledge base against queries with gold sources. Each query's
 * BM25 and vector lists are fetched once ({@link #POOL} deep, as the knowledge base's own hybrid search does
 * for k = 20); hybrid rankings are fused from them, so trying other fusion weights costs no search.
 */
public final class RetrievalEvaluator {

    /** Candidates per list, the same pool {@code KnowledgeBase.search} draws for a hybrid search with k = 20. */
    public static final int POOL = 100;

    private final KnowledgeBase kb;
    private final List<EvalQuery> queries;
    private final List<List<SearchHit>> bm25 = new ArrayList<>();
    private final List<List<SearchHit>> vector = new ArrayList<>();
    private final double searchSeconds;

    /** Runs every query in BM25 and vector mode. */
    public RetrievalEvaluator(KnowledgeBase kb, List<EvalQuery> queries) {
        this.kb = kb;
        this.queries = List.copyOf(queries);
        long start = System.nanoTime();
        for (EvalQuery q : queries) {
            bm25.add(kb.search(SearchRequest.of(q.text(), SearchMode.BM25, POOL)));
            vector.add(kb.search(SearchRequest.of(q.text(), SearchMode.VECTOR, POOL)));
        }
        this.searchSeconds = (System.nanoTime() - start) / 1e9;
    }

    public double searchSeconds() {
        return searchSeconds;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Metrics per mode ({@code bm25}, {@code vector}, {@code hybrid}) against the chosen gold sets. */
    public Map<String, ModeMetrics> score(FusionWeights fusion, Function<EvalQuery, Set<String>> gold) {
        Map<String, ModeMetrics> out = new LinkedHashMap<>();
        out.put("bm25", metrics(i -> bm25.get(i), gold));
        out.put("vector", metrics(i -> vector.get(i), gold));
        out.put("hybrid", metrics(i -> ReciprocalRankFusion.fuse(bm25.get(i), vector.get(i), fusion), gold));
        return out;
    }

    /**
     * Grid-searches the fusion weights for the best hybrid recall@5 (ties: MRR) against labelled evidence.
     * Use on the dev split only.
     */
    public FusionWeights tune() {
        FusionWeights best = FusionWeights.DEFAULT;
        double bestRecall = -1;
        double bestMrr = -1;
        for (int rrfK : new int[] {5, 10, 20, 40, 60, 100}) {
            for (double vectorWeight : new double[] {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0}) {
                FusionWeights w = new FusionWeights(1.0, vectorWeight, rrfK);
                ModeMetrics m = metrics(i -> ReciprocalRankFusion.fuse(bm25.get(i), vector.get(i), w), EvalQuery::evidence);
                if (m.recallAt5() > bestRecall + 1e-9 || Math.abs(m.recallAt5() - bestRecall) <= 1e-9 && m.mrr() > bestMrr) {
                    best = w;
                    bestRecall = m.recallAt5();
                    bestMrr = m.mrr();
                }
            }
        }
        return best;
    }

    private ModeMetrics metrics(Function<Integer, List<SearchHit>> ranking, Function<EvalQuery, Set<String>> gold) {
        int n = 0;
        double r5 = 0;
        double r20 = 0;
        double mrr = 0;
        for (int i = 0; i < queries.size(); i++) {
            Set<String> g = gold.apply(queries.get(i));
            if (g.isEmpty()) {
                continue;
            }
            List<String> sources = distinctSources(ranking.apply(i), 20);
            n++;
            r5 += found(sources, g, 5) / (double) g.size();
            r20 += found(sources, g, 20) / (double) g.size();
            for (int r = 0; r < sources.size(); r++) {
                if (g.contains(sources.get(r))) {
                    mrr += 1.0 / (r + 1);
                    break;
                }
            }
        }
        return n == 0 ? new ModeMetrics(0, 0, 0, 0) : new ModeMetrics(n, r5 / n, r20 / n, mrr / n);
    }

    private static List<String> distinctSources(List<SearchHit> hits, int limit) {
        Set<String> sources = new LinkedHashSet<>();
        for (SearchHit h : hits) {
            sources.add(h.sourceId());
            if (sources.size() == limit) {
                break;
            }
        }
        return new ArrayList<>(sources);
    }

    private static int found(List<String> ranked, Set<String> gold, int k) {
        int f = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (gold.contains(ranked.get(i))) {
                f++;
            }
        }
        return f;
    }
}
