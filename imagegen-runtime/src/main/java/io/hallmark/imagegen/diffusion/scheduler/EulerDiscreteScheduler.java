package io.hallmark.imagegen.diffusion.scheduler;

/**
 * Euler (diffusers' EulerDiscreteScheduler, no churn): latents live in sigma space ({@code x = x0 + sigma eps}),
 * the UNet sees {@code x / sqrt(sigma^2 + 1)}, and each step moves along the derivative {@code (x - x0) / sigma} to
 * the next sigma, the last to 0. Sigmas are {@code sqrt((1 - abar) / abar)} interpolated at the timesteps. The
 * initial noise is scaled by the largest sigma ({@code sqrt(sigma^2 + 1)} with leading spacing).
 */
public final class EulerDiscreteScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final double[] timesteps;
    private final double[] sigmas;

    public EulerDiscreteScheduler(SchedulerConfig config, int steps) {
        Spacing.checkSteps(config, steps);
        this.config = config;
        NoiseSchedule schedule = NoiseSchedule.of(config);
        this.timesteps = Spacing.eulerTimesteps(config, steps);
        this.sigmas = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            sigmas[i] = schedule.sigmaAt(timesteps[i]);
        }
        sigmas[steps] = 0;
    }

    @Override
    public double[] timesteps() {
        return timesteps.clone();
    }

    /** The noise level at call {@code index}; {@code sigma(calls())} is 0. */
    public double sigma(int index) {
        return sigmas[index];
    }

    @Override
    public double initNoiseSigma() {
        double max = 0;
        for (double s : sigmas) {
            max = Math.max(max, s);
        }
        return config.timestepSpacing().equals("leading") ? Math.sqrt(max * max + 1) : max;
    }

    @Override
    public float[] scaleModelInput(float[] sample, int index) {
        double scale = 1 / Math.sqrt(sigmas[index] * sigmas[index] + 1);
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            out[i] = (float) (sample[i] * scale);
        }
        return out;
    }

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        double sigma = sigmas[index];
        double dt = sigmas[index + 1] - sigma;
        boolean velocity = config.predictionType().equals("v_prediction");
        double s2 = sigma * sigma + 1;
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double x0 = velocity ? m * (-sigma / Math.sqrt(s2)) + x / s2 : x - sigma * m;
            double derivative = sigma == 0 ? 0 : (x - x0) / sigma;
            out[i] = (float) (x + derivative * dt);
        }
        return out;
    }
}
