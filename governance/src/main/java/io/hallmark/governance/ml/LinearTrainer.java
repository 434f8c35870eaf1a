package io.hallmark.governance.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Trains a logistic regression (one linear unit under the weighted sigmoid cross-entropy) by mini-batch Adam in plain
 * Java, so that the same rows and settings give the same weights, bit for bit, on every run and every machine: the
 * weights start at zero, each epoch's batch order is a Fisher-Yates shuffle from {@link SplittableRandom} seeded by
 * the settings, every sum runs in row and feature order in {@code double}, and the sigmoid uses {@link StrictMath}
 * (Java's floating point is strict, and nothing here is vectorised or threaded). The same algorithm as DJL's Adam
 * ({@code beta1} 0.9, {@code beta2} 0.999, epsilon 1e-8, weight decay added to the gradient, the batch loss the
 * weighted mean); DJL on PyTorch was not reproducible: the injection head trained from identical embeddings came out
 * differently on three runs (MKL's matrix products depend on memory alignment).
 */
public final class LinearTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private LinearTrainer() {}

    /**
     * Trains and hands back the model after each of the given epochs (all from one run).
     *
     * @param x rows, all of one width (not modified)
     * @param y labels 0 or 1
     * @param weights a weight per row, or {@code null} for all 1
     * @param intercept whether the unit has an intercept (a pairwise ranker has none)
     * @param checkpoints epoch counts between 1 and {@code settings.epochs()}
     */
    public static Map<Integer, LogisticModel> train(float[][] x, float[] y, float @Nullable [] weights,
            boolean intercept, DjlTraining.Settings settings, int[] checkpoints) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("Training a linear unit needs at least one row");
        }
        int d = x[0].length;
        double[] w = new double[d];
        double b = 0;
        double[] mw = new double[d];
        double[] vw = new double[d];
        double mb = 0;
        double vb = 0;
        double[] g = new double[d];
        double lr = settings.learningRate();
        double decay = settings.weightDecay();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<Integer, LogisticModel> out = new LinkedHashMap<>();
        long step = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += settings.batchSize()) {
                int to = Math.min(n, from + settings.batchSize());
                double weightSum = 0;
                for (int k = from; k < to; k++) {
                    weightSum += weights == null ? 1 : weights[order[k]];
                }
                weightSum += 1e-12;
                java.util.Arrays.fill(g, 0);
                double gb = 0;
                for (int k = from; k < to; k++) {
                    int r = order[k];
                    float[] row = x[r];
                    double z = intercept ? b : 0;
                    for (int f = 0; f < d; f++) {
                        z += w[f] * row[f];
                    }
                    double gz = (weights == null ? 1 : weights[r]) * (sigmoid(z) - y[r]) / weightSum;
                    for (int f = 0; f < d; f++) {
                        g[f] += gz * row[f];
                    }
                    gb += gz;
                }
                step++;
                double correction = Math.sqrt(1 - StrictMath.pow(BETA2, step)) / (1 - StrictMath.pow(BETA1, step));
                for (int f = 0; f < d; f++) {
                    double gf = g[f] + decay * w[f];
                    mw[f] = BETA1 * mw[f] + (1 - BETA1) * gf;
                    vw[f] = BETA2 * vw[f] + (1 - BETA2) * gf * gf;
                    w[f] -= lr * correction * mw[f] / (Math.sqrt(vw[f]) + EPSILON);
                }
                if (intercept) {
                    double gbd = gb + decay * b;
                    mb = BETA1 * mb + (1 - BETA1) * gbd;
                    vb = BETA2 * vb + (1 - BETA2) * gbd * gbd;
                    b -= lr * correction * mb / (Math.sqrt(vb) + EPSILON);
                }
            }
            for (int c : checkpoints) {
                if (c == epoch) {
                    float[] weightsOut = new float[d];
                    for (int f = 0; f < d; f++) {
                        weightsOut[f] = (float) w[f];
                    }
                    out.put(epoch, new LogisticModel(weightsOut, b));
                    break;
                }
            }
        }
        return out;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z));
    }
}
