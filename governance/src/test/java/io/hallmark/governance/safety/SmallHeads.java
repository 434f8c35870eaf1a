package io.hallmark.governance.safety;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import java.util.ArrayList;
import java.util.List;

/** The small logistic heads the screen tests train on slices of the dev sets (the same settings in every test). */
final class SmallHeads {

    static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(15, 32, 0.005f, 3e-4f, 1);

    private SmallHeads() {}

    /** A head that scores {@code pos} high and {@code neg} low. */
    static LogisticModel fit(TextFeatures features, List<String> pos, List<String> neg) {
        List<String> texts = new ArrayList<>(pos);
        texts.addAll(neg);
        float[] y = new float[texts.size()];
        for (int i = 0; i < pos.size(); i++) {
            y[i] = 1;
        }
        return DjlTraining.logistic("test-head", features.features(texts).toArray(float[][]::new), y, null, true,
                SETTINGS);
    }
}
