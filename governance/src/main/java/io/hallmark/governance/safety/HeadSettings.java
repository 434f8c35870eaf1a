package io.hallmark.governance.safety;

import io.hallmark.governance.ml.DjlTraining;

/**
 * How one safety head was trained: DJL's settings and the class weighting, chosen by {@link SafetyTrainer}'s search on
 * out-of-fold dev scores and saved with the head.
 *
 * @param training epochs, batch size, learning rate, weight decay and seed
 * @param safeWeight the factor on the weight of XSTest's safe prompts (the hard negatives) after the classes are
 *     balanced; 1 keeps the data set's own weights
 */
public record HeadSettings(DjlTraining.Settings training, double safeWeight) {

    public HeadSettings {
        if (!(safeWeight > 0)) {
            throw new IllegalArgumentException("A head's safeWeight must be > 0, got " + safeWeight);
        }
    }
}
