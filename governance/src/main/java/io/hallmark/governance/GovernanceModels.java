package io.hallmark.governance;

import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasModel;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.bias.BiasTrainer;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.safety.SafetyScreen;
import io.hallmark.governance.safety.SafetyTrainer;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trained safety and bias models of one platform, loaded on first use: from {@code <folder>/safety-model.json}
 * and {@code <folder>/bias-model.json} (written by {@code hallmark train safety|bias}); when a file is missing and the
 * shared eval data can be found, the model is trained from its dev splits once (a few minutes on two cores) and
 * saved there; otherwise using it fails with a message saying how to train it. The embedding model (all-MiniLM-L6-v2)
 * is also loaded on first use, so building this costs nothing.
 */
public final class GovernanceModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GovernanceModels.class);

    /** The embedding model the heads read. */
    public static final EmbeddingModel EMBEDDING = EmbeddingModel.ALL_MINILM_L6_V2;

    private final Path folder;
    private final Supplier<Optional<EvalData>> evalData;
    private @Nullable OnnxEmbedder embedder;
    private @Nullable TextFeatures features;
    private @Nullable SafetyScreen safety;
    private @Nullable BiasScorer bias;
    private @Nullable String safetySha256;
    private @Nullable String biasSha256;

    /**
     * @param folder where the trained models live
     * @param evalData the shared eval data to train from on first use, if any
     */
    public GovernanceModels(Path folder, Supplier<Optional<EvalData>> evalData) {
        this.folder = folder;
        this.evalData = evalData;
    }

    /** Models under {@code folder}, trained on first use from the eval folder {@link EvalData#locate} finds. */
    public static GovernanceModels in(Path folder) {
        return new GovernanceModels(folder, () -> EvalData.locate(null));
    }

    public Path folder() {
        return folder;
    }

    public synchronized TextFeatures features() {
        if (features == null) {
            embedder = new OnnxEmbedder(EMBEDDING, OnnxEmbedder.defaultThreads(), 32);
            features = new TextFeatures(embedder);
        }
        return features;
    }

    public synchronized SafetyScreen safety() {
        if (safety == null) {
            Path file = folder.resolve(SafetyModel.FILE);
            if (!Files.isRegularFile(file)) {
                EvalData eval = evalData.get().orElseThrow(() -> new IllegalStateException("The safety screens are not "
                        + "trained: no " + file + ". Run `hallmark train safety --eval-dir DIR` (DIR = the shared eval "
                        + "folder), or set HALLMARK_EVAL_DIR so they train on first use"));
                log.info("Training the safety screens from the dev splits under {} (once; saved to {})", eval.dir(), file);
                new SafetyTrainer(features(), m -> log.info("safety: {}", m)).train(eval).save(file);
            }
            safetySha256 = sha256(file);
            safety = new SafetyScreen(SafetyModel.load(file), features());
        }
        return safety;
    }

    public synchronized BiasScorer bias() {
        if (bias == null) {
            Path file = folder.resolve(BiasModel.FILE);
            if (!Files.isRegularFile(file)) {
                EvalData eval = evalData.get().orElseThrow(() -> new IllegalStateException("The bias scorer is not "
                        + "trained: no " + file + ". Run `hallmark train bias --eval-dir DIR` (DIR = the shared eval "
                        + "folder), or set HALLMARK_EVAL_DIR so it trains on first use"));
                log.info("Training the bias scorer from the dev splits under {} (once; saved to {})", eval.dir(), file);
                new BiasTrainer(features(), m -> log.info("bias: {}", m)).train(eval).save(file);
            }
            biasSha256 = sha256(file);
            bias = new BiasScorer(BiasModel.load(file), features());
        }
        return bias;
    }

    /** Whether {@link #bias()} can answer: its model file exists, or the eval data to train it on first use does. */
    public synchronized boolean biasAvailable() {
        return bias != null || Files.isRegularFile(folder.resolve(BiasModel.FILE)) || evalData.get().isPresent();
    }

    /**
     * The demographic terms by axis: the trained bias model's lexicon when there is one (without loading the
     * embedding model), else the HolisticBias terms of the eval data; never trains.
     *
     * @throws IllegalStateException when there is neither
     */
    public synchronized BiasLexicon lexicon() {
        if (bias != null) {
            return bias.lexicon();
        }
        Path file = folder.resolve(BiasModel.FILE);
        if (Files.isRegularFile(file)) {
            return new BiasLexicon(BiasModel.load(file).lexicon());
        }
        EvalData eval = evalData.get().orElseThrow(() -> new IllegalStateException("No demographic terms: no " + file
                + " and no eval folder with holisticbias/. Run `hallmark train bias --eval-dir DIR`, or set "
                + "HALLMARK_EVAL_DIR"));
        return BiasLexicon.fromHolisticBias(eval);
    }

    /**
     * The models loaded so far, by name ({@code safety}, {@code bias}, {@code embedder:<id>}), with the SHA-256 of
     * their bytes: what each governance decision records as having judged it. A model not loaded yet is absent.
     */
    public synchronized java.util.SortedMap<String, String> loadedModelHashes() {
        java.util.SortedMap<String, String> hashes = new java.util.TreeMap<>();
        if (safety != null && safetySha256 != null) {
            hashes.put("safety", safetySha256);
        }
        if (bias != null && biasSha256 != null) {
            hashes.put("bias", biasSha256);
        }
        if (features != null) {
            hashes.put("embedder:" + EMBEDDING.id(), EMBEDDING.sha256());
        }
        return hashes;
    }

    /** The SHA-256 of a model file's bytes, taken when the model loads. */
    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets loaded models so the next use reloads them (after retraining). */
    public synchronized void reload() {
        safety = null;
        bias = null;
    }

    @Override
    public synchronized void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
