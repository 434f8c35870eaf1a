package io.hallmark.governance.bias;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.policy.Metrics;
import io.hallmark.governance.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stereotype ranker and scorer on real dev data: trained on part of CrowS-Pairs dev, scored on the rest. */
class BiasScorerTest {

    private static EvalData eval;
    private static TextFeatures features;
    private static BiasScorer scorer;
    private static List<BiasPairs.Pair> heldOut;

    @BeforeAll
    static void train() {
        eval = TestData.eval();
        features = TestData.features();
        List<BiasPairs.Pair> pairs = BiasPairs.load(eval, "crows-pairs", "dev");
        List<BiasPairs.Pair> train = new ArrayList<>();
        heldOut = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            (i % 3 == 0 ? heldOut : train).add(pairs.get(i));
        }
        List<String> texts = new ArrayList<>();
        train.forEach(p -> {
            texts.add(p.more());
            texts.add(p.less());
        });
        List<float[]> x = BiasFeatures.of(features, OccupationCoreference.NONE, texts);
        float[][] diffs = new float[train.size() * 2][];
        float[] y = new float[train.size() * 2];
        for (int i = 0; i < train.size(); i++) {
            float[] a = x.get(2 * i);
            float[] b = x.get(2 * i + 1);
            float[] d = new float[a.length];
            float[] r = new float[a.length];
            for (int k = 0; k < a.length; k++) {
                d[k] = a[k] - b[k];
                r[k] = -d[k];
            }
            diffs[2 * i] = d;
            y[2 * i] = 1;
            diffs[2 * i + 1] = r;
        }
        LogisticModel ranker = DjlTraining.logistic("test-ranker", diffs, y, null, false,
                new DjlTraining.Settings(10, 64, 0.003f, 1e-3f, 1));
        BiasModel model = new BiasModel(features.embedder().name(), ranker, OccupationCoreference.NONE, 1, 0,
                BiasLexicon.fromHolisticBias(eval).terms(), "test");
        scorer = new BiasScorer(model, features);
    }

    @Test
    void heldOutCrowsPairsDevPairsRankAboveChance() {
        List<String> texts = new ArrayList<>();
        heldOut.forEach(p -> {
            texts.add(p.more());
            texts.add(p.less());
        });
        List<Double> s = scorer.rank(texts);
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            correct += s.get(2 * i) > s.get(2 * i + 1) ? 1 : 0;
        }
        assertThat(correct / (double) heldOut.size()).as("held-out dev pairwise accuracy").isGreaterThan(0.6);
    }

    @Test
    void lexiconFindsTermsOfSeveralAxes() {
        List<BiasLexicon.Mention> found = scorer.lexicon().find("My neighbor is an elderly Muslim woman who is deaf.");
        assertThat(found).extracting(BiasLexicon.Mention::axis)
                .contains("age", "religion", "gender", "disability");
    }

    @Test
    void scoresEveryAxisWithSpansProbesAndRepresentation() {
        String text = "The weather was mild all week. " + heldOut.get(0).more() + " The meeting ended early.";
        BiasScorer.Result r = scorer.score(text);
        assertThat(r.scores().keySet()).containsExactlyInAnyOrderElementsOf(Metrics.BIAS_AXES);
        assertThat(r.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(r.max()).isEqualTo(r.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(r.spans()).isNotEmpty().allSatisfy(span -> {
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.sentence()).containsIgnoringCase(span.term());
            assertThat(span.explanation()).contains(span.term());
        });
        assertThat(r.probes()).isNotEmpty().allSatisfy(p -> assertThat(p.swapped()).isNotEmpty());
        assertThat(scorer.score("The weather was mild all week.").max()).isZero();
    }
}
