package io.hallmark.imagegen.diffusion.scheduler;

/**
 * The training noise schedule: betas per training timestep and their cumulative products
 * {@code alphasCumprod[t] = prod_{i<=t} (1 - beta_i)}, in double precision as diffusers computes them in float64
 * for its reference pipelines.
 */
public final class NoiseSchedule {

    private final double[] betas;
    private final double[] alphasCumprod;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        this.alphasCumprod = new double[betas.length];
        double product = 1.0;
        for (int i = 0; i < betas.length; i++) {
            product *= 1.0 - betas[i];
            alphasCumprod[i] = product;
        }
    }

    /** The schedule a config describes: its trained betas, or linear, scaled_linear or squaredcos_cap_v2 betas. */
    public static NoiseSchedule of(SchedulerConfig config) {
        int n = config.numTrainTimesteps();
        double[] betas = new double[n];
        if (!config.trainedBetas().isEmpty()) {
            if (config.trainedBetas().size() != n) {
                throw new IllegalArgumentException("trained_betas has " + config.trainedBetas().size()
                        + " values; num_train_timesteps says " + n);
            }
            for (int i = 0; i < n; i++) {
                betas[i] = config.trainedBetas().get(i);
            }
            return new NoiseSchedule(betas);
        }
        switch (config.betaSchedule()) {
            case "linear" -> {
                for (int i = 0; i < n; i++) {
                    betas[i] = config.betaStart() + (config.betaEnd() - config.betaStart()) * i / (n - 1);
                }
            }
            case "scaled_linear" -> {
                double a = Math.sqrt(config.betaStart());
                double b = Math.sqrt(config.betaEnd());
                for (int i = 0; i < n; i++) {
                    double s = a + (b - a) * i / (n - 1);
                    betas[i] = s * s;
                }
            }
            case "squaredcos_cap_v2" -> {
                for (int i = 0; i < n; i++) {
                    double t1 = (double) i / n;
                    double t2 = (double) (i + 1) / n;
                    betas[i] = Math.min(1 - cosineAlphaBar(t2) / cosineAlphaBar(t1), 0.999);
                }
            }
            default -> throw new IllegalArgumentException("Unsupported beta_schedule '" + config.betaSchedule()
                    + "'; expected linear, scaled_linear or squaredcos_cap_v2");
        }
        return new NoiseSchedule(betas);
    }

    private static double cosineAlphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    public int size() {
        return betas.length;
    }

    public double beta(int t) {
        return betas[t];
    }

    public double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    /** The Karras/EDM noise level of training timestep {@code t}: {@code sqrt((1 - abar) / abar)}. */
    public double sigma(int t) {
        return Math.sqrt((1 - alphasCumprod[t]) / alphasCumprod[t]);
    }

    /** {@link #sigma} at a fractional timestep, interpolated linearly between the neighbouring integer ones. */
    public double sigmaAt(double t) {
        if (t <= 0) {
            return sigma(0);
        }
        if (t >= size() - 1) {
            return sigma(size() - 1);
        }
        int lo = (int) Math.floor(t);
        double w = t - lo;
        return sigma(lo) * (1 - w) + sigma(lo + 1) * w;
    }
}
