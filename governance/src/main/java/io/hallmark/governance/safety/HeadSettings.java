package io.hallmark.governance.safety;

import io.hallmark.governance.ml.DjlTraining;
import org.jspecify.annotations.Nullable;

/**
 * How one safety head was trained: DJL's settings and the class weighting, chosen by {@link SafetyTrainer}'s search on
 * out-of-fold dev scores and saved with the head.
 *
 * @param training epochs, batch size, learning rate, weight decay and seed
 * @param safeWeight the factor on the weight of XSTest's safe prompts (the hard negatives) after the classes are
 *     balanced; 1 keeps the data set's own weights
 * @param instructionWeight the factor on the weight of the benign user instructions (and their sentences); {@code
 *     null} in files written before it existed, which means 1
 */
public record HeadSettings(DjlTraining.Settings training, double safeWeight, @Nullable Double instructionWeight) {

    public HeadSettings {
        if (!(safeWeight > 0)) {
            throw new IllegalArgumentException("A head's safeWeight must be > 0, got " + safeWeight);
        }
        if (instructionWeight != null && !(instructionWeight > 0)) {
            throw new IllegalArgumentException("A head's instructionWeight must be > 0, got " + instructionWeight);
        }
    }

    /** The factor on the benign instructions' weight: {@link #instructionWeight}, or 1 if not recorded. */
    double instructionFactor() {
        return instructionWeight == null ? 1 : instructionWeight;
    }
}
