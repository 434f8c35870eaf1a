package io.hallmark.imagegen.diffusion.scheduler;

/**
 * One sampling run's scheduler: the timesteps at which the UNet is called, how the latents are scaled before each
 * call, and the update from the UNet's prediction to the next latents. A scheduler holds per-run state (PNDM keeps
 * past predictions), so make a new one per image with {@link SchedulerKind#create}; call {@link #step} once per
 * timestep, in order.
 */
public interface Scheduler {

    /** The UNet's timestep for each call, first to last; integers except for Euler with linspace spacing. */
    double[] timesteps();

    /** The standard deviation of the initial noise: the N(0,1) latents are multiplied by it. */
    double initNoiseSigma();

    /** The latents as the UNet takes them at call {@code index} (Euler divides by {@code sqrt(sigma^2 + 1)}). */
    float[] scaleModelInput(float[] sample, int index);

    /**
     * The latents after call {@code index}, given the (guided) model output for {@code sample}.
     *
     * @param modelOutput the predicted noise (or velocity, for {@code v_prediction}); not modified
     * @param sample the latents the call started from (unscaled); not modified
     */
    float[] step(float[] modelOutput, int index, float[] sample);

    /** How many UNet calls a run makes: {@code timesteps().length}. */
    default int calls() {
        return timesteps().length;
    }
}
