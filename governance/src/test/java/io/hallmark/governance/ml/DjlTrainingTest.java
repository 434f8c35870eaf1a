package io.hallmark.governance.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Logistic regressions trained with DJL's training API, handed back as plain-Java {@link LogisticModel}s. */
class DjlTrainingTest {

    private static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(30, 32, 0.05f, 0, 3);

    @Test
    void separatesTwoGaussianClouds() {
        Random random = new Random(1);
        float[][] x = new float[400][];
        float[] y = new float[400];
        for (int i = 0; i < 400; i++) {
            int label = i % 2;
            x[i] = new float[] {(float) (random.nextGaussian() + (label == 1 ? 2 : -2)), (float) random.nextGaussian()};
            y[i] = label;
        }
        LogisticModel model = DjlTraining.logistic("clouds", x, y, null, true, SETTINGS);
        int correct = 0;
        for (int i = 0; i < 400; i++) {
            correct += (model.probability(x[i]) >= 0.5) == (y[i] == 1) ? 1 : 0;
        }
        assertThat(correct / 400.0).isGreaterThan(0.95);
        assertThat(model.weights()[0]).isGreaterThan(Math.abs(model.weights()[1]));
    }

    @Test
    void withoutAnInterceptOnDifferencesItIsAPairwiseRanker() {
        // the better item of each pair has the larger first feature
        Random random = new Random(2);
        float[][] diffs = new float[200][];
        float[] y = new float[200];
        for (int i = 0; i < 100; i++) {
            float[] d = {(float) (1 + random.nextDouble()), (float) random.nextGaussian()};
            diffs[2 * i] = d;
            y[2 * i] = 1;
            diffs[2 * i + 1] = new float[] {-d[0], -d[1]};
        }
        LogisticModel ranker = DjlTraining.logistic("ranker", diffs, y, null, false, SETTINGS);
        assertThat(ranker.bias()).isZero();
        assertThat(ranker.logit(new float[] {3, 0})).isGreaterThan(ranker.logit(new float[] {1, 0}));
    }

    @Test
    void rowWeightsShiftTheDecision() {
        // the same ambiguous point labelled both ways; the heavier label wins
        float[][] x = new float[200][];
        float[] y = new float[200];
        float[] w = new float[200];
        for (int i = 0; i < 200; i++) {
            x[i] = new float[] {1};
            y[i] = i % 2;
            w[i] = i % 2 == 1 ? 4 : 1;
        }
        LogisticModel weighted = DjlTraining.logistic("weighted", x, y, w, true, SETTINGS);
        LogisticModel plain = DjlTraining.logistic("plain", x, y, null, true, SETTINGS);
        assertThat(weighted.probability(new float[] {1})).isGreaterThan(0.7);
        assertThat(plain.probability(new float[] {1})).isBetween(0.4, 0.6);
    }

    @Test
    void aCheckpointIsTheModelThatManyEpochsTrain() {
        Random random = new Random(4);
        float[][] x = new float[300][];
        float[] y = new float[300];
        for (int i = 0; i < 300; i++) {
            y[i] = i % 2;
            x[i] = new float[] {(float) (random.nextGaussian() + y[i]), (float) random.nextGaussian(), 1f};
        }
        DjlTraining.Settings six = new DjlTraining.Settings(6, 32, 0.05f, 1e-3f, 9);
        java.util.Map<Integer, LogisticModel> path = DjlTraining.logisticCheckpoints("path", x, y, null, true, six,
                new int[] {2, 6});
        assertThat(path).containsOnlyKeys(2, 6);
        LogisticModel two = DjlTraining.logistic("two", x, y, null, true, new DjlTraining.Settings(2, 32, 0.05f, 1e-3f, 9));
        assertThat(path.get(2).weights()).containsExactly(two.weights(), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(path.get(2).bias()).isCloseTo(two.bias(), org.assertj.core.data.Offset.offset(1e-6));
        LogisticModel full = DjlTraining.logistic("six", x, y, null, true, six);
        assertThat(path.get(6).weights()).containsExactly(full.weights(), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(path.get(6).weights()[0]).isNotEqualTo(path.get(2).weights()[0]);
        assertThatThrownBy(() -> DjlTraining.logisticCheckpoints("bad", x, y, null, true, six, new int[] {7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 6 epochs");
    }

    @Test
    void mismatchedLabelsAreRefusedWithBothCounts() {
        assertThatThrownBy(() -> DjlTraining.logistic("bad", new float[3][1], new float[2], null, true, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 rows, 2 labels");
    }
}
