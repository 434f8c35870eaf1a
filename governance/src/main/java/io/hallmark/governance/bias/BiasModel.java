package io.hallmark.governance.bias;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.ml.LogisticModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The trained stereotype detector and its vocabulary.
 *
 * @param embedder the embedding model id its features come from
 * @param ranker a linear scorer over {@link BiasFeatures}: a higher logit means a more stereotyping sentence
 * @param coreference the occupational gender-stereotype cue, the detector's last feature
 * @param calibrationScale Platt scaling of the ranker's logit to a 0..1 score: {@code sigmoid(scale * s + offset)}
 * @param calibrationOffset see {@code calibrationScale}
 * @param lexicon demographic terms by axis
 * @param trainedOn a line saying which data and when
 */
public record BiasModel(String embedder, LogisticModel ranker, OccupationCoreference coreference, double calibrationScale, double calibrationOffset,
        Map<String, List<String>> lexicon, String trainedOn) {

    public static final String FILE = "bias-model.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public BiasModel {
        coreference = coreference == null ? OccupationCoreference.NONE : coreference;
    }

    /** The calibrated stereotype score of a feature vector. */
    public double probability(float[] x) {
        return LogisticModel.sigmoid(calibrationScale * ranker.logit(x) + calibrationOffset);
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the bias model to " + file, e);
        }
    }

    public static BiasModel load(Path file) {
        try {
            return JSON.readValue(file.toFile(), BiasModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bias model " + file + " (retrain with `hallmark train bias`)", e);
        }
    }
}
