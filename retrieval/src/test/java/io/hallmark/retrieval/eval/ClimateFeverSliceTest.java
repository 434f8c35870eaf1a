package io.hallmark.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.testing.Shared;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator on a slice of the real Climate-FEVER data (dev claims only): the candidate sentences of 40
 * dev claims plus 400 other corpus sentences as distractors. The full evaluation is the
 * {@code hallmark eval retrieval} command.
 */
class ClimateFeverSliceTest {

    @TempDir
    Path dir;

    @Test
    void hybridSearchFindsGoldEvidenceOnASliceOfTheDevSplit() {
        ClimateFeverDataset data = new ClimateFeverDataset(Shared.evalDir());
        List<EvalQuery> claims = data.claims("dev").subList(0, 40);
        Set<String> wanted = new HashSet<>();
        claims.forEach(c -> wanted.addAll(c.candidates()));
        List<SourceDocument> corpus = data.corpus();
        List<SourceDocument> slice = corpus.stream()
                .filter(d -> wanted.contains(d.id()) || Math.floorMod(d.id().hashCode(), 13) == 0)
                .limit(wanted.size() + 400)
                .toList();
        assertThat(slice.stream().map(SourceDocument::id)).containsAll(wanted);

        try (KnowledgeBase kb = KnowledgeBase.open(dir, KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            kb.ingest(slice, IngestListener.NONE);
            RetrievalEvaluator evaluator = new RetrievalEvaluator(kb, claims);

            Map<String, ModeMetrics> candidates = evaluator.score(FusionWeights.DEFAULT, EvalQuery::candidates);
            Map<String, ModeMetrics> evidence = evaluator.score(FusionWeights.DEFAULT, EvalQuery::evidence);

            assertThat(candidates.keySet()).containsExactly("bm25", "vector", "hybrid");
            assertThat(candidates.get("hybrid").queries()).isEqualTo(40);
            assertThat(evidence.get("hybrid").queries()).isBetween(1, 40);
            candidates.values().forEach(m -> {
                assertThat(m.recallAt5()).isBetween(0.2, 1.0);
                assertThat(m.recallAt20()).isGreaterThanOrEqualTo(m.recallAt5());
                assertThat(m.mrr()).isBetween(0.2, 1.0);
            });
            assertThat(candidates.get("hybrid").recallAt20())
                    .isGreaterThanOrEqualTo(Math.min(candidates.get("bm25").recallAt20(), candidates.get("vector").recallAt20()));
            assertThat(evaluator.tune()).isNotNull();
        }
    }
}
