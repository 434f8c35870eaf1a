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

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
