package io.hallmark.governance.safety;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.ml.LogisticModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The trained safety screens: one head per category ({@code injection}, {@code jailbreak}, {@code harmful},
 * {@code toxicity}), each with its decision threshold and the training settings chosen for it, the embedding model
 * whose features they read, and the dev search that chose the settings.
 *
 * @param embedder the {@link io.hallmark.retrieval.embed.EmbeddingModel} id the heads were trained on
 * @param heads the heads by category
 * @param trainedOn a line saying which data and when
 * @param tuning the search on dev that chose the heads' settings and thresholds ({@code null} in files written
 *     before the search existed)
 * @param prototypes design 15's input heads: when present, the heads it has a class for ({@code injection},
 *     {@code jailbreak}, {@code harmful}) score by their nearest prototypes on the embeddings of {@link
 *     PrototypeSet#embedder()} ({@link #probability}) and have no logistic model; {@code null} for design 7's logistic
 *     heads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetyModel(String embedder, Map<String, Head> heads, String trainedOn, @Nullable Tuning tuning,
        @Nullable PrototypeSet prototypes) {

    /** File name under the governance model folder. */
    public static final String FILE = "safety-model.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SafetyModel(String embedder, Map<String, Head> heads, String trainedOn) {
        this(embedder, heads, trainedOn, null, null);
    }

    public SafetyModel(String embedder, Map<String, Head> heads, String trainedOn, @Nullable Tuning tuning) {
        this(embedder, heads, trainedOn, tuning, null);
    }

    /** Whether a head scores by prototypes ({@link #prototypes}) rather than by its logistic model. */
    public boolean byPrototypes(String category) {
        return prototypes != null && prototypes.classes().contains(category)
                && !category.equals(PrototypeSet.SAFE);
    }

    /**
     * A head's probability for a text, before {@link Head#score}: by its prototypes ({@code x} = the text's embedding
     * of {@link PrototypeSet#embedder()}) when {@link #byPrototypes}, else by its logistic model ({@code x} = the text's
     * {@link io.hallmark.governance.ml.TextFeatures} of {@link #embedder()}).
     */
    public double probability(String category, float[] x) {
        if (byPrototypes(category)) {
            return prototypes.probability(category, x);
        }
        LogisticModel m = head(category).model();
        if (m == null) {
            throw new IllegalStateException("The safety head '" + category + "' has neither a logistic model nor "
                    + "prototypes; retrain with `hallmark train safety`");
        }
        return m.probability(x);
    }

    /**
     * One category's classifier.
     *
     * @param model the logistic regression ({@code null} for a head that scores by prototypes, {@link
     *     SafetyModel#prototypes})
     * @param threshold the probability at and above which the category is flagged (tuned on dev)
     * @param devF1 out-of-fold F1 on the dev training set at that threshold
     * @param settings how the head was trained: the settings of the candidates whose average it is, best first
     *     ({@code null} in files written before the search existed; one object in files written before the average)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Head(@Nullable LogisticModel model, double threshold, double devF1,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<HeadSettings> settings) {

        public Head(LogisticModel model, double threshold, double devF1) {
            this(model, threshold, devF1, null);
        }

        /**
         * The score policies see: the probability mapped piecewise-linearly so that the tuned threshold lands on 0.8,
         * the default policy's cut-off; 0 and 1 stay put.
         */
        public double score(double probability) {
            double t = threshold;
            return probability < t ? 0.8 * probability / t : 0.8 + 0.2 * (probability - t) / Math.max(1e-9, 1 - t);
        }
    }

    /**
     * The dev search behind the heads.
     *
     * @param folds cross-validation folds over each head's dev set (XSTest families and ToxiGen groups kept whole)
     * @param safeFalsePositiveBudget the largest share of XSTest dev safe prompts the input heads together may flag
     *     out of fold
     * @param safeFalsePositiveRate the share they flag at the chosen thresholds, out of fold
     * @param xstestUnsafeRecall the share of XSTest's unsafe dev prompts the harmful-request head flags at its
     *     threshold, out of fold
     * @param grid every candidate tried, per head, with its out-of-fold F1
     * @param sourceRecall per head, the out-of-fold recall of each source of positives at the chosen threshold
     *     ({@code null} in files written before it was recorded)
     * @param sourceFalsePositives per head, the out-of-fold share of each source of negatives flagged at the chosen
     *     threshold ({@code null} in files written before it was recorded)
     * @param instructionFalsePositiveBudget the largest share of the benign dev instructions the input heads
     *     together may flag out of fold ({@code null} in files written before it existed)
     * @param instructionFalsePositiveRate the share they flag at the chosen thresholds, out of fold
     * @param sourceHeldOut design 15's source-held-out, nested figures ({@code null} for design 7's heads)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tuning(int folds, double safeFalsePositiveBudget, double safeFalsePositiveRate,
            double xstestUnsafeRecall, Map<String, List<GridRow>> grid,
            @Nullable Map<String, Map<String, Double>> sourceRecall,
            @Nullable Map<String, Map<String, Double>> sourceFalsePositives,
            @Nullable Double instructionFalsePositiveBudget, @Nullable Double instructionFalsePositiveRate,
            @Nullable SourceHeldOutReport sourceHeldOut) {

        /** Design 7's tuning (no source-held-out report). */
        public Tuning(int folds, double safeFalsePositiveBudget, double safeFalsePositiveRate,
                double xstestUnsafeRecall, Map<String, List<GridRow>> grid,
                @Nullable Map<String, Map<String, Double>> sourceRecall,
                @Nullable Map<String, Map<String, Double>> sourceFalsePositives,
                @Nullable Double instructionFalsePositiveBudget, @Nullable Double instructionFalsePositiveRate) {
            this(folds, safeFalsePositiveBudget, safeFalsePositiveRate, xstestUnsafeRecall, grid, sourceRecall,
                    sourceFalsePositives, instructionFalsePositiveBudget, instructionFalsePositiveRate, null);
        }
    }

    /**
     * One candidate of the search.
     *
     * @param settings the candidate
     * @param threshold its best threshold on its own (within the budget for the input heads)
     * @param devF1 its out-of-fold F1 there
     * @param safeFalsePositiveRate the share of the set's XSTest safe prompts it flags there
     * @param chosen whether it is one of the candidates the head averages
     */
    public record GridRow(HeadSettings settings, double threshold, double devF1, double safeFalsePositiveRate,
            boolean chosen) {}

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
