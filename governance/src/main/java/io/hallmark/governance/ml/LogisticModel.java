package io.hallmark.governance.ml;

/**
 * A logistic regression on dense features, scored in plain Java; trained by {@link DjlTraining#logistic}. Trained
 * without an intercept on feature differences it is a pairwise ranker (RankNet with a linear scorer): {@link #logit}
 * then orders texts.
 *
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticModel(float[] weights, double bias) {

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

    /**
     * The model whose logit is the mean of the given models' logits: the mean of their weights and intercepts, a
     * logistic regression still.
     */
    public static LogisticModel average(java.util.List<LogisticModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Need at least one model to average");
        }
        int n = models.get(0).weights().length;
        float[] w = new float[n];
        double b = 0;
        for (LogisticModel m : models) {
            if (m.weights().length != n) {
                throw new IllegalArgumentException("Cannot average models of " + n + " and " + m.weights().length
                        + " features");
            }
            for (int i = 0; i < n; i++) {
                w[i] += m.weights()[i] / models.size();
            }
            b += m.bias() / models.size();
        }
        return new LogisticModel(w, b);
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
