package io.hallmark.governance.ml;

import java.util.List;

/**
 * A logistic regression on dense features, trained full-batch with Adam and L2 regularisation, in plain Java (a few
 * thousand examples of a few thousand features train in seconds on two cores). With {@code fitBias = false} and
 * feature differences as inputs it is a pairwise ranker (RankNet with a linear scorer): {@link #logit} then orders
 * texts.
 *
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticModel(float[] weights, double bias) {

    /** Training settings. */
    public record Options(int epochs, double learningRate, double l2, boolean fitBias) {
        public static final Options DEFAULT = new Options(300, 0.02, 1e-4, true);
    }

    public double logit(float[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    public double probability(float[] x) {
        return sigmoid(logit(x));
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Fits a model.
     *
     * @param x the examples
     * @param y their labels, 0 or 1
     * @param sampleWeights a weight per example (class balancing, hard negatives), or {@code null} for all 1
     */
    public static LogisticModel train(List<float[]> x, double[] y, double[] sampleWeights, Options options) {
        if (x.isEmpty() || x.size() != y.length) {
            throw new IllegalArgumentException("Need as many labels as examples, got " + x.size() + " and " + y.length);
        }
        int d = x.get(0).length;
        int n = x.size();
        double[] w = new double[d];
        double b = 0;
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] grad = new double[d + 1];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            totalWeight += sampleWeights == null ? 1 : sampleWeights[i];
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                float[] xi = x.get(i);
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * xi[j];
                }
                double err = (sigmoid(z) - y[i]) * (sampleWeights == null ? 1 : sampleWeights[i]) / totalWeight;
                for (int j = 0; j < d; j++) {
                    grad[j] += err * xi[j];
                }
                grad[d] += err;
            }
            double c1 = 1 - Math.pow(beta1, epoch);
            double c2 = 1 - Math.pow(beta2, epoch);
            for (int j = 0; j <= d; j++) {
                double g = j < d ? grad[j] + options.l2() * w[j] : grad[j];
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                double step = options.learningRate() * (m[j] / c1) / (Math.sqrt(v[j] / c2) + 1e-8);
                if (j < d) {
                    w[j] -= step;
                } else if (options.fitBias()) {
                    b -= step;
                }
            }
        }
        float[] weights = new float[d];
        for (int j = 0; j < d; j++) {
            weights[j] = (float) w[j];
        }
        return new LogisticModel(weights, b);
    }
}
