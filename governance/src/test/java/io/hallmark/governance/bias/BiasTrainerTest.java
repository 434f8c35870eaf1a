package io.hallmark.governance.bias;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stereotype-detector training on the real dev splits (coreference cue, pairwise ranker, calibration on
 * out-of-fold ranker scores), saved and loaded the way the platform does, then scored on its dev pairs.
 */
class BiasTrainerTest {

    @Test
    void trainsOnTheDevSplitsCalibratesOutOfFoldAndRanksTheDevPairs(@TempDir Path dir) {
        EvalData eval = TestData.eval();
        TextFeatures features = TestData.features();
        List<String> log = new ArrayList<>();
        BiasModel trained = new BiasTrainer(features, log::add).train(eval);
        Path file = dir.resolve(BiasModel.FILE);
        trained.save(file);
        BiasModel model = BiasModel.load(file);
        assertThat(model.ranker().weights()).containsExactly(trained.ranker().weights());

        assertThat(log).anyMatch(l -> l.contains("out-of-fold ranker scores, " + BiasTrainer.CALIBRATION_FOLDS
                + " folds"));
        String calibrated = log.stream().filter(l -> l.startsWith("calibrated, out of fold")).findFirst().orElseThrow();
        assertThat(calibrated).contains("score >= 0.5: precision", "score >= 0.7: precision");
        assertThat(model.calibrationScale()).as("a higher ranker score means a higher stereotype score").isPositive();

        BiasEvaluation evaluation = new BiasEvaluation(new BiasScorer(model, features), eval);
        for (String dataset : BiasPairs.DATASETS) {
            Map<String, Object> report = evaluation.run(dataset, "dev");
            assertThat((double) report.get("accuracy")).as("%s dev pairwise accuracy (in-sample)", dataset)
                    .isGreaterThan(0.7);
        }
    }
}
