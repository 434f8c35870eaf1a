package io.hallmark.imagegen.diffusion.scheduler;

/**
 * DDIM with eta 0 (deterministic): from the predicted clean latents {@code x0} and noise {@code eps}, the next
 * latents are {@code sqrt(abar_prev) x0 + sqrt(1 - abar_prev) eps}. The previous timestep is
 * {@code t - num_train_timesteps / steps}; before timestep 0 the final alpha is 1 with {@code set_alpha_to_one},
 * else {@code abar[0]}.
 */
public final class DdimScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final int[] timesteps;
    private final int stepRatio;

    public DdimScheduler(SchedulerConfig config, int steps) {
        Spacing.checkSteps(config, steps);
        this.config = config;
        this.schedule = NoiseSchedule.of(config);
        this.timesteps = Spacing.integerTimesteps(config, steps);
        this.stepRatio = config.numTrainTimesteps() / steps;
    }

    @Override
    public double[] timesteps() {
        double[] out = new double[timesteps.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = timesteps[i];
        }
        return out;
    }

    @Override
    public double initNoiseSigma() {
        return 1.0;
    }

    @Override
    public float[] scaleModelInput(float[] sample, int index) {
        return sample;
    }

    /** {@code abar} before timestep {@code t - ratio}: the final alpha past the start of the schedule. */
    double previousAlphaCumprod(int index) {
        int prev = timesteps[index] - stepRatio;
        return prev >= 0 ? schedule.alphaCumprod(prev) : (config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0));
    }

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        double a = schedule.alphaCumprod(timesteps[index]);
        double aPrev = previousAlphaCumprod(index);
        double sa = Math.sqrt(a);
        double sb = Math.sqrt(1 - a);
        boolean velocity = config.predictionType().equals("v_prediction");
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double x0 = velocity ? sa * x - sb * m : (x - sb * m) / sa;
            double eps = velocity ? sa * m + sb * x : m;
            if (config.clipSample()) {
                x0 = Math.max(-config.clipSampleRange(), Math.min(config.clipSampleRange(), x0));
            }
            out[i] = (float) (Math.sqrt(aPrev) * x0 + Math.sqrt(1 - aPrev) * eps);
        }
        return out;
    }
}
