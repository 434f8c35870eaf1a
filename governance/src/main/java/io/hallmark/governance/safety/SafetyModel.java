package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.ml.LogisticModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The trained safety screens: one head per category ({@code injection}, {@code jailbreak}, {@code harmful},
 * {@code toxicity}), each with its decision threshold, and the embedding model whose features they read.
 *
 * @param embedder the {@link io.hallmark.retrieval.embed.EmbeddingModel} id the heads were trained on
 * @param heads the heads by category
 * @param trainedOn a line saying which data and when
 */
public record SafetyModel(String embedder, Map<String, Head> heads, String trainedOn) {

    /** File name under the governance model folder. */
    public static final String FILE = "safety-model.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One category's classifier.
     *
     * @param model the logistic regression
     * @param threshold the probability at and above which the category is flagged (tuned on dev)
     * @param devF1 out-of-fold F1 on the dev training set at that threshold
     */
    public record Head(LogisticModel model, double threshold, double devF1) {

        /**
         * The score policies see: the probability mapped piecewise-linearly so that the tuned threshold lands on 0.8,
         * the default policy's cut-off; 0 and 1 stay put.
         */
        public double score(double probability) {
            double t = threshold;
            return probability < t ? 0.8 * probability / t : 0.8 + 0.2 * (probability - t) / Math.max(1e-9, 1 - t);
        }
    }

    public Head head(String category) {
        Head h = heads.get(category);
        if (h == null) {
            throw new IllegalArgumentException("No safety head '" + category + "'; have " + heads.keySet());
        }
        return h;
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the safety model to " + file, e);
        }
    }

    public static SafetyModel load(Path file) {
        try {
            return JSON.readValue(file.toFile(), SafetyModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the safety model " + file + " (retrain with `hallmark train "
                    + "safety`)", e);
        }
    }
}
