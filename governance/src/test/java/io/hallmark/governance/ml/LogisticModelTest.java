package io.hallmark.governance.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

    @Test
    void separatesTwoGaussianClouds() {
        Random random = new Random(1);
        List<float[]> x = new ArrayList<>();
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            int label = i % 2;
            x.add(new float[] {(float) (random.nextGaussian() + (label == 1 ? 2 : -2)), (float) random.nextGaussian()});
            y[i] = label;
        }
        LogisticModel model = LogisticModel.train(x, y, null, LogisticModel.Options.DEFAULT);
        int correct = 0;
        for (int i = 0; i < 400; i++) {
            correct += (model.probability(x.get(i)) >= 0.5) == (y[i] == 1) ? 1 : 0;
        }
        assertThat(correct / 400.0).isGreaterThan(0.95);
        assertThat(model.weights()[0]).isGreaterThan(Math.abs(model.weights()[1]));
    }

    @Test
    void withoutBiasOnDifferencesItIsAPairwiseRanker() {
        // the better item of each pair has the larger first feature
        Random random = new Random(2);
        List<float[]> diffs = new ArrayList<>();
        double[] y = new double[200];
        for (int i = 0; i < 100; i++) {
            float[] d = {(float) (1 + random.nextDouble()), (float) random.nextGaussian()};
            diffs.add(d);
            y[2 * i] = 1;
            diffs.add(new float[] {-d[0], -d[1]});
            y[2 * i + 1] = 0;
        }
        LogisticModel ranker = LogisticModel.train(diffs, y, null, new LogisticModel.Options(200, 0.05, 0, false));
        assertThat(ranker.bias()).isZero();
        assertThat(ranker.logit(new float[] {3, 0})).isGreaterThan(ranker.logit(new float[] {1, 0}));
    }
}
