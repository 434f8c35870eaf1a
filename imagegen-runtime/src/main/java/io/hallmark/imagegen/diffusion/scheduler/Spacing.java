package io.hallmark.imagegen.diffusion.scheduler;

/** Inference timesteps from {@code timestep_spacing}, {@code steps_offset} and the step count, as diffusers does. */
final class Spacing {

    private Spacing() {}

    /** Descending integer timesteps for DDIM (and, reversed, PNDM's base list). */
    static int[] integerTimesteps(SchedulerConfig config, int steps) {
        int n = config.numTrainTimesteps();
        int[] out = new int[steps];
        switch (config.timestepSpacing()) {
            case "leading" -> {
                int ratio = n / steps;
                for (int i = 0; i < steps; i++) {
                    out[i] = (steps - 1 - i) * ratio + config.stepsOffset();
                }
            }
            case "trailing" -> {
                double ratio = (double) n / steps;
                for (int i = 0; i < steps; i++) {
                    out[i] = (int) Math.rint(n - i * ratio) - 1;
                }
            }
            default -> { // linspace
                for (int i = 0; i < steps; i++) {
                    out[i] = (int) Math.rint((double) (n - 1) * (steps - 1 - i) / Math.max(1, steps - 1));
                }
            }
        }
        return out;
    }

    /** Descending timesteps for Euler: like {@link #integerTimesteps} but linspace keeps its fractions. */
    static double[] eulerTimesteps(SchedulerConfig config, int steps) {
        if (!config.timestepSpacing().equals("linspace")) {
            int[] ints = integerTimesteps(config, steps);
            double[] out = new double[steps];
            for (int i = 0; i < steps; i++) {
                out[i] = ints[i];
            }
            return out;
        }
        int n = config.numTrainTimesteps();
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            // float32 in diffusers (np.linspace(..., dtype=np.float32))
            out[i] = (float) ((double) (n - 1) * (steps - 1 - i) / Math.max(1, steps - 1));
        }
        return out;
    }

    static void checkSteps(SchedulerConfig config, int steps) {
        if (steps < 1 || steps > config.numTrainTimesteps()) {
            throw new IllegalArgumentException("steps must be between 1 and num_train_timesteps ("
                    + config.numTrainTimesteps() + "), got " + steps);
        }
    }
}
