package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.eval.EvalQuery;
import io.hallmark.retrieval.eval.ModeMetrics;
import io.hallmark.retrieval.eval.RetrievalEvaluator;
import io.hallmark.retrieval.search.FusionWeights;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retrieval module's Climate-FEVER evaluation (its {@link RetrievalEvaluator}: recall@5, recall@20 and MRR per
 * mode) on the local and the SolrCloud backend, printed side by side.
 *
 * @param local metrics of the local backend by mode, against the labelled evidence
 * @param solr metrics of the SolrCloud backend by mode
 * @param table the side-by-side table
 */
record RecallComparison(Map<String, ModeMetrics> local, Map<String, ModeMetrics> solr, String table) {

    static RecallComparison run(String title, KnowledgeBase local, KnowledgeBase solr, List<EvalQuery> claims) {
        RetrievalEvaluator onLocal = new RetrievalEvaluator(local, claims);
        RetrievalEvaluator onSolr = new RetrievalEvaluator(solr, claims);
        Map<String, ModeMetrics> l = onLocal.score(FusionWeights.DEFAULT, EvalQuery::evidence);
        Map<String, ModeMetrics> s = onSolr.score(FusionWeights.DEFAULT, EvalQuery::evidence);
        StringBuilder t = new StringBuilder(title).append('\n')
                .append(String.format(Locale.ROOT, "Gold = evidence labelled SUPPORTED/REFUTED (%d claims); searches: local %.1f s, solrcloud %.1f s%n",
                        l.get("hybrid").queries(), onLocal.searchSeconds(), onSolr.searchSeconds()))
                .append(String.format(Locale.ROOT, "  %-8s %14s %14s %14s %14s %10s %10s%n", "mode", "recall@5 local",
                        "recall@5 solr", "recall@20 local", "recall@20 solr", "MRR local", "MRR solr"));
        for (String mode : l.keySet()) {
            t.append(String.format(Locale.ROOT, "  %-8s %14.3f %14.3f %14.3f %14.3f %10.3f %10.3f%n", mode,
                    l.get(mode).recallAt5(), s.get(mode).recallAt5(), l.get(mode).recallAt20(), s.get(mode).recallAt20(),
                    l.get(mode).mrr(), s.get(mode).mrr()));
        }
        return new RecallComparison(l, s, t.toString());
    }
}
