package io.hallmark.imagegen.diffusion.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * PNDM in its PLMS form ({@code skip_prk_steps}, what Stable Diffusion configs name): a linear multistep method
 * over the last four noise predictions (Adams-Bashforth coefficients 1; 3/2, -1/2; 23/12, -16/12, 5/12;
 * 55/24, -59/24, 37/24, -9/24) with a pseudo-numerical transfer step. Warm-up repeats the second-to-last base
 * timestep, so {@code steps} inference steps make {@code steps + 1} UNet calls, e.g. 751, 501, 501, 251, 1 for 4.
 * The Runge-Kutta warm-up that {@code skip_prk_steps: false} asks for is not implemented; such configs get the PLMS
 * warm-up too.
 */
public final class PndmScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final int[] timesteps;
    private final int stepRatio;
    private final List<float[]> pastOutputs = new ArrayList<>();
    private int counter;
    private float[] firstSample;

    public PndmScheduler(SchedulerConfig config, int steps) {
        Spacing.checkSteps(config, steps);
        this.config = config;
        this.schedule = NoiseSchedule.of(config);
        this.stepRatio = config.numTrainTimesteps() / steps;
        int[] descending = Spacing.integerTimesteps(config, steps);
        if (steps == 1) {
            this.timesteps = descending;
        } else {
            // ascending base b: plms = reverse(b[:-1] + b[-2:-1] + b[-1:]): the second-largest repeats
            this.timesteps = new int[steps + 1];
            timesteps[0] = descending[0];
            timesteps[1] = descending[1];
            for (int i = 1; i < steps; i++) {
                timesteps[i + 1] = descending[i];
            }
        }
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

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        if (index != counter) {
            throw new IllegalStateException("PNDM steps must be taken in order: expected call " + counter + ", got " + index);
        }
        int timestep = timesteps[index];
        int prevTimestep = timestep - stepRatio;
        if (counter != 1) {
            if (pastOutputs.size() == 4) {
                pastOutputs.removeFirst();
            }
            pastOutputs.add(modelOutput.clone());
        } else {
            prevTimestep = timestep;
            timestep = timestep + stepRatio;
        }
        int n = sample.length;
        float[] combined = new float[n];
        float[] from = sample;
        int k = pastOutputs.size();
        if (k == 1 && counter == 0) {
            System.arraycopy(pastOutputs.getLast(), 0, combined, 0, n);
            firstSample = sample.clone();
        } else if (k == 1 && counter == 1) {
            float[] e1 = pastOutputs.getLast();
            for (int i = 0; i < n; i++) {
                combined[i] = (modelOutput[i] + e1[i]) / 2;
            }
            from = firstSample;
            firstSample = null;
        } else if (k == 2) {
            float[] e1 = pastOutputs.get(k - 1);
            float[] e2 = pastOutputs.get(k - 2);
            for (int i = 0; i < n; i++) {
                combined[i] = (3 * e1[i] - e2[i]) / 2;
            }
        } else if (k == 3) {
            float[] e1 = pastOutputs.get(k - 1);
            float[] e2 = pastOutputs.get(k - 2);
            float[] e3 = pastOutputs.get(k - 3);
            for (int i = 0; i < n; i++) {
                combined[i] = (23 * e1[i] - 16 * e2[i] + 5 * e3[i]) / 12;
            }
        } else {
            float[] e1 = pastOutputs.get(k - 1);
            float[] e2 = pastOutputs.get(k - 2);
            float[] e3 = pastOutputs.get(k - 3);
            float[] e4 = pastOutputs.get(k - 4);
            for (int i = 0; i < n; i++) {
                combined[i] = (55 * e1[i] - 59 * e2[i] + 37 * e3[i] - 9 * e4[i]) / 24;
            }
        }
        float[] prev = previousSample(from, timestep, prevTimestep, combined);
        counter++;
        return prev;
    }

    /** The transfer from {@code t} to {@code tPrev} given a noise prediction (formula (9) of the PNDM paper). */
    private float[] previousSample(float[] sample, int t, int tPrev, float[] output) {
        double a = schedule.alphaCumprod(t);
        double aPrev = tPrev >= 0 ? schedule.alphaCumprod(tPrev) : (config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0));
        double b = 1 - a;
        double bPrev = 1 - aPrev;
        boolean velocity = config.predictionType().equals("v_prediction");
        double sampleCoeff = Math.sqrt(aPrev / a);
        double denominator = a * Math.sqrt(bPrev) + Math.sqrt(a * b * aPrev);
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double m = velocity ? Math.sqrt(a) * output[i] + Math.sqrt(b) * sample[i] : output[i];
            out[i] = (float) (sampleCoeff * sample[i] - (aPrev - a) * m / denominator);
        }
        return out;
    }
}
