package io.hallmark.governance;

import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.ArtifactTrainer;
import io.hallmark.governance.artifact.CanonicalJson;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.Hashes;
import io.hallmark.governance.artifact.ModelStore;
import io.hallmark.governance.artifact.TunedSettings;
import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasModel;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.governance.factcheck.WeightedVote;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.safety.SafetyScreen;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance models of one platform, each the ACTIVE artifact of its kind in a {@link ModelStore} (the
 * platform's database, or a folder): the safety heads, the bias model (stereotype ranker and coreference resolver)
 * and the fact-check combiner. Loaded on first use; a model file written by hand under {@code <folder>}
 * ({@code safety-model.json}, {@code bias-model.json}) is used when no artifact is active.
 *
 * <p>Models are trained by {@link #ensure} (deterministically, from the dev splits and the committed {@link
 * TunedSettings}), never inside a request: built {@linkplain #GovernanceModels(Path, Supplier, ModelStore, boolean)
 * with background training}, a model that is not ready makes {@link #safety()} and {@link #bias()} throw {@link
 * ModelUnavailableException} (the governance stage fails closed) while the platform's training service trains it. The
 * command line's {@linkplain #GovernanceModels(Path, Supplier) plain constructor} trains a missing model on first use,
 * in the caller's thread. The embedding model (all-MiniLM-L6-v2) is also loaded on first use, and BGE-small ({@link
 * #PROTOTYPE_EMBEDDING}) only when the safety model's input heads score by nearest prototypes (design 15).
 */
public final class GovernanceModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GovernanceModels.class);

    /** The embedding model the heads read. */
    public static final EmbeddingModel EMBEDDING = EmbeddingModel.ALL_MINILM_L6_V2;

    /**
     * The embedding model the input heads that score by nearest prototypes read (design 15): loaded only when the
     * safety model has prototypes ({@link #prototypeFeatures()}).
     */
    public static final EmbeddingModel PROTOTYPE_EMBEDDING = EmbeddingModel.BGE_SMALL_EN_V15_Q;

    /** Where one kind stands: for the log, the dashboard and {@link ModelUnavailableException}'s reason. */
    public enum State { MISSING, TRAINING, READY, FAILED }

    /**
     * One kind's status.
     *
     * @param state where it stands
     * @param sha256 the loaded or active artifact's hash, when there is one
     * @param detail the last progress line or the failure
     * @param since when it entered this state
     */
    public record Status(State state, @Nullable String sha256, String detail, Instant since) {}

    private final Path folder;
    private final Supplier<Optional<EvalData>> evalData;
    private final ModelStore store;
    private final boolean trainOnFirstUse;
    private final Map<String, Status> status = new LinkedHashMap<>();
    private @Nullable OnnxEmbedder embedder;
    private @Nullable TextFeatures features;
    private @Nullable OnnxEmbedder prototypeEmbedder;
    private @Nullable TextFeatures prototypeFeatures;
    private @Nullable SafetyScreen safety;
    private @Nullable BiasScorer bias;
    private @Nullable VoteCombiner combiner;
    private final SortedMap<String, String> loadedHashes = new TreeMap<>();

    /**
     * Models kept in {@code <folder>/artifacts}, a missing one trained on first use in the caller's thread (the
     * command line).
     *
     * @param folder where the models live
     * @param evalData the shared eval data to train from, if any
     */
    public GovernanceModels(Path folder, Supplier<Optional<EvalData>> evalData) {
        this(folder, evalData, new FolderModelStore(folder.resolve("artifacts")), true);
    }

    /**
     * @param folder where hand-written model files may live
     * @param evalData the shared eval data to train from, if any
     * @param store where the artifacts and the active versions are kept
     * @param trainOnFirstUse whether {@link #safety()} and {@link #bias()} train a missing model themselves (the
     *     command line) or throw {@link ModelUnavailableException} until {@link #ensure} has trained it (a server)
     */
    public GovernanceModels(Path folder, Supplier<Optional<EvalData>> evalData, ModelStore store,
            boolean trainOnFirstUse) {
        this.folder = folder;
        this.evalData = evalData;
        this.store = store;
        this.trainOnFirstUse = trainOnFirstUse;
        ArtifactKind.ids().forEach(k -> status.put(k, new Status(State.MISSING, null, "not loaded yet", Instant.now())));
    }

    /** Models under {@code folder}, trained on first use from the eval folder {@link EvalData#locate} finds. */
    public static GovernanceModels in(Path folder) {
        return new GovernanceModels(folder, () -> EvalData.locate(null));
    }

    public Path folder() {
        return folder;
    }

    public ModelStore store() {
        return store;
    }

    /** The eval data training reads, if there is any. */
    public Optional<EvalData> evalData() {
        return evalData.get();
    }

    public synchronized TextFeatures features() {
        if (features == null) {
            embedder = new OnnxEmbedder(EMBEDDING, OnnxEmbedder.defaultThreads(), 32);
            features = new TextFeatures(embedder);
        }
        return features;
    }

    /**
     * The features of {@link #PROTOTYPE_EMBEDDING} (BGE-small, quantized), loaded on first use: what the input heads
     * of a safety model with prototypes read, and what training such a model embeds its prototypes with. A {@link
     * Supplier} of it ({@code models::prototypeFeatures}) loads the model only when it is called.
     */
    public synchronized TextFeatures prototypeFeatures() {
        if (prototypeFeatures == null) {
            prototypeEmbedder = new OnnxEmbedder(PROTOTYPE_EMBEDDING, OnnxEmbedder.defaultThreads(), 32);
            prototypeFeatures = new TextFeatures(prototypeEmbedder);
        }
        return prototypeFeatures;
    }

    public synchronized SafetyScreen safety() {
        if (safety == null) {
            String kind = ArtifactKind.SAFETY.id();
            Loaded loaded = load(kind, SafetyModel.FILE, "hallmark train safety");
            SafetyModel model = read(loaded, SafetyModel.class);
            safety = prototypeScreen(model);
            loaded(kind, loaded.sha256);
        }
        return safety;
    }

    public synchronized BiasScorer bias() {
        if (bias == null) {
            String kind = ArtifactKind.BIAS.id();
            Loaded loaded = load(kind, BiasModel.FILE, "hallmark train bias");
            bias = new BiasScorer(read(loaded, BiasModel.class), features());
            loaded(kind, loaded.sha256);
        }
        return bias;
    }

    /**
     * The screen of a safety model: with the features of its prototypes' embedder when it has prototypes (loaded
     * only then), refused with a clear message when they are another embedder's than {@link #PROTOTYPE_EMBEDDING}.
     */
    private SafetyScreen prototypeScreen(SafetyModel model) {
        if (model.prototypes() == null) {
            return new SafetyScreen(model, features());
        }
        String embedder = model.prototypes().embedder();
        if (!embedder.equals(PROTOTYPE_EMBEDDING.id())) {
            throw new ModelUnavailableException(ArtifactKind.SAFETY.id(), "the safety model's prototypes are '"
                    + embedder + "' embeddings; the platform reads '" + PROTOTYPE_EMBEDDING.id() + "'. Retrain with "
                    + "`hallmark train safety`");
        }
        return new SafetyScreen(model, features(), prototypeFeatures());
    }

    /**
     * The fact-check combiner: the active {@code factcheck-combiner} artifact (the committed weighted vote, which
     * needs no training data, so it is built on first use when none is active).
     */
    public synchronized VoteCombiner combiner() {
        if (combiner == null) {
            String kind = ArtifactKind.FACTCHECK_COMBINER.id();
            GovernanceArtifact a = ensure(kind);
            combiner = WeightedVote.fromJson(a.bytes());
            loaded(kind, a.sha256());
        }
        return combiner;
    }

    /**
     * The SHA-256 of every model loaded so far, by name ({@code safety}, {@code bias}, {@code factcheck-combiner}):
     * what a decision records as the models that judged it.
     */
    public synchronized SortedMap<String, String> loadedModelHashes() {
        SortedMap<String, String> hashes = new TreeMap<>(loadedHashes);
        if (features != null) {
            hashes.put("embedder:" + EMBEDDING.id(), EMBEDDING.sha256());
        }
        if (prototypeFeatures != null) {
            hashes.put("embedder:" + PROTOTYPE_EMBEDDING.id(), PROTOTYPE_EMBEDDING.sha256());
        }
        return hashes;
    }

    /** Whether {@link #bias()} can answer: a model is active or on file, or eval data to train it exists. */
    public synchronized boolean biasAvailable() {
        return bias != null || store.active(ArtifactKind.BIAS.id()).isPresent()
                || Files.isRegularFile(folder.resolve(BiasModel.FILE)) || evalData.get().isPresent();
    }

    /**
     * The demographic terms by axis: the bias model's lexicon when there is one (without loading the embedding
     * model), else the HolisticBias terms of the eval data; never trains.
     *
     * @throws IllegalStateException when there is neither
     */
    public synchronized BiasLexicon lexicon() {
        if (bias != null) {
            return bias.lexicon();
        }
        Optional<GovernanceArtifact> active = store.active(ArtifactKind.BIAS.id());
        if (active.isPresent()) {
            return new BiasLexicon(read(new Loaded(active.get().bytes(), active.get().sha256()), BiasModel.class)
                    .lexicon());
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

    /** Each kind's status, in training order (a kind active in the store but not loaded yet counts as ready). */
    public Map<String, Status> status() {
        Map<String, Status> out;
        synchronized (this) {
            out = new LinkedHashMap<>(status);
        }
        out.replaceAll((kind, s) -> s.state() != State.MISSING ? s : store.activation(kind).map(a -> new Status(
                State.READY, a.sha256(), "active since " + a.activatedAt() + " (by " + a.activatedBy() + "), loads "
                + "on first use", s.since())).orElse(s));
        return out;
    }

    /** Whether a kind has an active artifact or a hand-written model file (so using it needs no training). */
    public boolean ready(String kind) {
        if (store.active(kind).isPresent()) {
            return true;
        }
        return switch (ArtifactKind.of(kind)) {
            case SAFETY -> Files.isRegularFile(folder.resolve(SafetyModel.FILE));
            case BIAS -> Files.isRegularFile(folder.resolve(BiasModel.FILE));
            case FACTCHECK_COMBINER -> false;
        };
    }

    /**
     * The active artifact of a kind, training and activating it first when none is active: under the store's
     * training lock, so of several nodes on one database one trains and the others wait and then load its artifact.
     * Runs in the caller's thread and does not block {@link #safety()} or {@link #bias()} meanwhile (they throw
     * {@link ModelUnavailableException} until it is done).
     *
     * @throws ModelUnavailableException when there is no eval data to train from, or training fails
     */
    public GovernanceArtifact ensure(String kind) {
        ArtifactKind.of(kind);
        Optional<GovernanceArtifact> active = store.active(kind);
        if (active.isPresent()) {
            return active.get();
        }
        return store.whileTraining(kind, () -> store.active(kind).orElseGet(() -> trainAndActivate(kind,
                "system (first start)")));
    }

    /**
     * Trains a kind afresh from the dev splits and the committed settings (deterministic: with unchanged data, settings
     * and code this is the active artifact again), stores it and makes it active, recording {@code who}.
     */
    public GovernanceArtifact train(String kind, String who) {
        ArtifactKind.of(kind);
        GovernanceArtifact artifact = store.whileTraining(kind, () -> trainAndActivate(kind, who));
        reload();
        return artifact;
    }

    private GovernanceArtifact trainAndActivate(String kind, String who) {
        @Nullable EvalData eval = ArtifactKind.of(kind) == ArtifactKind.FACTCHECK_COMBINER ? null
                : evalData.get().orElseThrow(() -> {
            setStatus(kind, State.MISSING, null, "not trained: no eval folder to train from. Run `hallmark train "
                    + kind + " --eval-dir DIR` (DIR = the shared eval folder), or set HALLMARK_EVAL_DIR");
            return new ModelUnavailableException(kind, "not trained: no active " + kind + " model and no eval folder "
                    + "to train one from. Run `hallmark train " + kind + " --eval-dir DIR` (DIR = the shared eval "
                    + "folder), or set HALLMARK_EVAL_DIR");
        });
        String from = eval == null ? "the committed settings" : "the dev splits under " + eval.dir();
        setStatus(kind, State.TRAINING, null, "training from " + from);
        log.info("Training the {} model from {}", kind, from);
        try {
            GovernanceArtifact artifact = new ArtifactTrainer(features(), TunedSettings.committed(), m -> {
                log.info("{}: {}", kind, m);
                setStatus(kind, State.TRAINING, null, m);
            }, this::prototypeFeatures).train(kind, eval);
            store.put(artifact);
            store.activate(kind, artifact.sha256(), who);
            setStatus(kind, State.READY, artifact.sha256(), "trained in " + artifact.manifest().get("trainingSeconds")
                    + " s");
            log.info("The {} model {} is trained and active", kind, artifact.shortHash());
            return artifact;
        } catch (RuntimeException e) {
            setStatus(kind, State.FAILED, null, "training failed: " + e.getMessage());
            throw e instanceof ModelUnavailableException u ? u : new ModelUnavailableException(kind,
                    "training failed: " + e.getMessage(), e);
        }
    }

    /** Forgets loaded models so the next use reloads the active versions (after retraining or activation). */
    public synchronized void reload() {
        safety = null;
        bias = null;
        combiner = null;
        loadedHashes.clear();
    }

    @Override
    public synchronized void close() {
        if (embedder != null) {
            embedder.close();
        }
        if (prototypeEmbedder != null) {
            prototypeEmbedder.close();
        }
    }

    private record Loaded(byte[] bytes, String sha256) {}

    /** The active artifact, else the hand-written file, else (command line) trained now, else unavailable. */
    private Loaded load(String kind, String file, String command) {
        Optional<GovernanceArtifact> active = store.active(kind);
        if (active.isPresent()) {
            return new Loaded(active.get().bytes(), active.get().sha256());
        }
        Path path = folder.resolve(file);
        if (Files.isRegularFile(path)) {
            try {
                byte[] bytes = Files.readAllBytes(path);
                return new Loaded(bytes, Hashes.sha256(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        Status s = status.get(kind);
        if (trainOnFirstUse) {
            if (evalData.get().isEmpty()) {
                throw new ModelUnavailableException(kind, "not trained: no " + path + " and no active " + kind
                        + " model. Run `" + command + " --eval-dir DIR` (DIR = the shared eval folder), or set "
                        + "HALLMARK_EVAL_DIR so it trains on first use");
            }
            GovernanceArtifact a = ensure(kind);
            return new Loaded(a.bytes(), a.sha256());
        }
        throw new ModelUnavailableException(kind, switch (s.state()) {
            case TRAINING -> "training in the background since " + s.since() + " (" + s.detail() + ")";
            case FAILED -> s.detail() + "; fix it and restart, or run `" + command + " --eval-dir DIR`";
            default -> "not trained: no active " + kind + " model. " + (evalData.get().isPresent()
                    ? "The platform trains it in the background at start" : "Run `" + command + " --eval-dir DIR` "
                    + "(DIR = the shared eval folder), or set HALLMARK_EVAL_DIR and restart");
        });
    }

    private static <T> T read(Loaded loaded, Class<T> type) {
        try {
            return CanonicalJson.MAPPER.readValue(loaded.bytes, type);
        } catch (IOException e) {
            throw new ModelUnavailableException(type.getSimpleName(), "the model " + loaded.sha256.substring(0, 12)
                    + " cannot be read (" + e.getMessage() + "); retrain or re-import it", e);
        }
    }

    private synchronized void loaded(String kind, String sha256) {
        loadedHashes.put(kind, sha256);
        setStatus(kind, State.READY, sha256, "loaded");
    }

    private synchronized void setStatus(String kind, State state, @Nullable String sha256, String detail) {
        Status old = status.get(kind);
        status.put(kind, new Status(state, sha256, detail, old != null && old.state() == state ? old.since()
                : Instant.now()));
    }
}
