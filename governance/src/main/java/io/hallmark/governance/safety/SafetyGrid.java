package io.hallmark.governance.safety;

import io.hallmark.governance.ml.DjlTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate training settings {@link SafetyTrainer} searches for each head: every combination of learning
 * rate, weight decay, batch size, safe-prompt weight and instruction weight is one DJL run to the largest epoch
 * count, read at each epoch count of the grid. The toxicity head screens outputs and has no prompt budgets, so it
 * only varies the training settings.
 */
final class SafetyGrid {

    /** One DJL run of the search and the epoch counts read off it. */
    record Run(HeadSettings settings, int[] checkpoints) {}

    private final int[] epochs;
    private final float[] learningRates;
    private final float[] weightDecays;
    private final int[] batchSizes;
    private final double[] safeWeights;
    private final double[] instructionWeights;
    private final long seed;

    SafetyGrid(int[] epochs, float[] learningRates, float[] weightDecays, int[] batchSizes, double[] safeWeights,
            double[] instructionWeights, long seed) {
        if (epochs.length == 0 || learningRates.length == 0 || weightDecays.length == 0 || batchSizes.length == 0
                || safeWeights.length == 0 || instructionWeights.length == 0) {
            throw new IllegalArgumentException("Every dimension of the safety grid needs at least one value");
        }
        this.epochs = Arrays.stream(epochs).sorted().toArray();
        this.learningRates = learningRates.clone();
        this.weightDecays = weightDecays.clone();
        this.batchSizes = batchSizes.clone();
        this.safeWeights = safeWeights.clone();
        this.instructionWeights = instructionWeights.clone();
        this.seed = seed;
    }

    /** The grid {@code hallmark train safety} searches. */
    static SafetyGrid standard(long seed) {
        return new SafetyGrid(new int[] {5, 10, 20, 40}, new float[] {0.001f, 0.003f, 0.01f}, new float[] {3e-4f},
                new int[] {32, 128}, new double[] {1, 3}, new double[] {0.3, 1}, seed);
    }

    List<Run> runs(String category) {
        boolean input = SafetyTrainer.INPUT_HEADS.contains(category);
        double[] weights = input ? safeWeights : new double[] {1};
        double[] instructions = input ? instructionWeights : new double[] {1};
        int maxEpochs = epochs[epochs.length - 1];
        List<Run> out = new ArrayList<>();
        for (float lr : learningRates) {
            for (float decay : weightDecays) {
                for (int batch : batchSizes) {
                    for (double w : weights) {
                        for (double iw : instructions) {
                            out.add(new Run(new HeadSettings(new DjlTraining.Settings(maxEpochs, batch, lr, decay,
                                    seed), w, iw), epochs.clone()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Candidates for a head: runs times epoch counts. */
    int size(String category) {
        return runs(category).size() * epochs.length;
    }
}
