package io.hallmark.governance.artifact;

import io.hallmark.governance.bias.BiasModel;
import io.hallmark.governance.bias.BiasTrainer;
import io.hallmark.governance.ml.DataLicences;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.AuthoredSet;
import io.hallmark.governance.safety.PrototypeTrainer;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.safety.SafetyTrainer;
import io.hallmark.governance.safety.ScreenCorpus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Trains one kind of governance model from the dev splits and the committed {@link TunedSettings} into an artifact:
 * the model's canonical JSON and a manifest recording the hash of every dev file read, the settings hash, the code
 * version, the dev figures of the search that chose the settings, the sources with their licences and the training
 * time. Deterministic: the same files, settings and code give the same bytes (DJL trains each linear unit on one
 * PyTorch thread from a fixed seed; nothing time- or machine-dependent goes into the bytes). Only sets whose licence
 * lets a model ship are read ({@link EvalData#forTraining}).
 *
 * <p>Which safety design trains is committed too: the safety block's {@code design} ({@value #LOGISTIC}: design 7's
 * logistic heads on the MiniLM features; {@value PrototypeTrainer#DESIGN}: design 15's nearest-prototype input heads on
 * BGE-small-en-v1.5-q embeddings ({@link PrototypeTrainer}) and design 7's toxicity head, trained on the dev splits and
 * the authored prompts in the jar ({@link AuthoredSet}), whose files' SHA-256 join the training files).
 */
public final class ArtifactTrainer {

    /**
     * The version of the training code, recorded in every manifest; raise it when a change to the trainers, the
     * features or the serialisation changes what the same data and settings train.
     */
    public static final String CODE_VERSION = "governance-training-1";

    /** The safety design of the logistic heads (design 7), the default when the settings name none. */
    public static final String LOGISTIC = "logistic";

    private final TextFeatures features;
    private final TunedSettings settings;
    private final Consumer<String> progress;
    private final @Nullable Supplier<TextFeatures> prototypeFeatures;

    /** A trainer without the prototype embedder: training the safety model of design 15 refuses. */
    public ArtifactTrainer(TextFeatures features, TunedSettings settings, Consumer<String> progress) {
        this(features, settings, progress, null);
    }

    /**
     * @param features the features of the logistic heads (MiniLM)
     * @param prototypeFeatures the features whose embedding design 15's prototypes are (BGE-small-en-v1.5-q), asked
     *     for only when the committed safety design is {@value PrototypeTrainer#DESIGN}
     */
    public ArtifactTrainer(TextFeatures features, TunedSettings settings, Consumer<String> progress,
            @Nullable Supplier<TextFeatures> prototypeFeatures) {
        this.features = features;
        this.settings = settings;
        this.progress = progress;
        this.prototypeFeatures = prototypeFeatures;
    }

    /** The committed safety design: {@value #LOGISTIC} or {@value PrototypeTrainer#DESIGN}. */
    public static String safetyDesign(TunedSettings settings) {
        String design = settings.of("safety").path("design").asText(LOGISTIC);
        if (!design.equals(LOGISTIC) && !design.equals(PrototypeTrainer.DESIGN)) {
            throw new IllegalArgumentException("The committed safety design is '" + design + "'; expected "
                    + LOGISTIC + " or " + PrototypeTrainer.DESIGN);
        }
        return design;
    }

    /**
     * Trains one kind ({@link ArtifactKind#id()}).
     *
     * @param eval the shared eval folder; may be {@code null} for the fact-check combiner, which reads no data
     */
    public GovernanceArtifact train(String kind, @Nullable EvalData eval) {
        ArtifactKind k = ArtifactKind.of(kind);
        if (eval == null && k != ArtifactKind.FACTCHECK_COMBINER) {
            throw new IllegalArgumentException("Training the " + kind + " model needs the shared eval folder");
        }
        EvalData dev = eval == null ? null : eval.forTraining();
        long t0 = System.nanoTime();
        byte[] bytes;
        Map<String, Object> devFigures = new LinkedHashMap<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        SortedMap<String, String> extraFiles = new TreeMap<>();
        switch (k) {
            case SAFETY -> {
                if (safetyDesign(settings).equals(PrototypeTrainer.DESIGN)) {
                    bytes = trainPrototypes(dev, devFigures, extra, extraFiles);
                } else {
                    SafetyModel model = new SafetyTrainer(features, progress).train(dev, settings.safetyHeads(),
                            "dev splits with the committed settings " + settings.hash("safety").substring(0, 12));
                    bytes = CanonicalJson.bytes(model);
                    model.heads().forEach((h, head) -> devFigures.put(h + ".outOfFoldF1", head.devF1()));
                    settings.of("safety").path("dev").properties().forEach(e -> devFigures.put(e.getKey(),
                            CanonicalJson.MAPPER.convertValue(e.getValue(), Object.class)));
                }
            }
            case BIAS -> {
                BiasModel model = new BiasTrainer(features, progress).train(dev);
                bytes = CanonicalJson.bytes(model);
                devFigures.put("trainedOn", model.trainedOn());
            }
            case FACTCHECK_COMBINER -> {
                // the committed vote: nothing to fit, so no data is read
                bytes = committedVote(settings);
                devFigures.putAll(CanonicalJson.MAPPER.convertValue(settings.of("factcheck").path("dev"), Map.class));
            }
            default -> throw new IllegalStateException("Unhandled kind " + k);
        }
        double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        SortedMap<String, String> files = dev == null ? new TreeMap<>() : new TreeMap<>(dev.filesRead());
        files.putAll(extraFiles);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", k.id());
        manifest.put("format", k == ArtifactKind.FACTCHECK_COMBINER ? "weighted-vote" : k.id() + "-model.json");
        manifest.put("embedder", features.embedder().name());
        manifest.putAll(extra);
        manifest.put("trainingDataHash", Hashes.sha256(CanonicalJson.bytes(files)));
        manifest.put("trainingFiles", files);
        manifest.put("settingsHash", settings.hash(k == ArtifactKind.FACTCHECK_COMBINER ? "factcheck" : k.id()));
        manifest.put("settingsTunedBy", settings.of(k == ArtifactKind.FACTCHECK_COMBINER ? "factcheck" : k.id())
                .path("tunedBy").asText());
        manifest.put("codeVersion", CODE_VERSION);
        manifest.put("devFigures", devFigures);
        manifest.put("sources", sources(files));
        manifest.put("trainingSeconds", seconds);
        progress.accept(k.id() + " trained in " + seconds + " s: " + Hashes.sha256(bytes).substring(0, 12));
        return GovernanceArtifact.of(k.id(), bytes, manifest);
    }

    /**
     * Design 15's safety model: the prototype input heads on the dev splits and the authored prompts, the toxicity
     * head with its committed settings; the nested source-held-out goals go into the dev figures, the prototype
     * embedder and the authored files' hashes into the manifest.
     */
    private byte[] trainPrototypes(EvalData dev, Map<String, Object> devFigures, Map<String, Object> manifest,
            SortedMap<String, String> files) {
        if (prototypeFeatures == null) {
            throw new IllegalStateException("The committed safety design is '" + PrototypeTrainer.DESIGN + "', which "
                    + "needs the prototype embedder (BGE-small-en-v1.5-q); this trainer was built without one");
        }
        TextFeatures bge = prototypeFeatures.get();
        AuthoredSet authored = AuthoredSet.bundled();
        ScreenCorpus corpus = ScreenCorpus.read(dev, authored, false);
        PrototypeTrainer.Trained trained = new PrototypeTrainer(bge, progress).train(corpus);
        SafetyModel.Head toxicity = new SafetyTrainer(features, progress).trainToxicity(dev,
                settings.safetyHeads().get("toxicity"));
        SafetyModel model = trained.model(features.embedder().name(), toxicity, "dev splits and the authored prompts "
                + "with the committed settings " + settings.hash("safety").substring(0, 12) + " (design "
                + PrototypeTrainer.DESIGN + ")");
        model.heads().forEach((h, head) -> devFigures.put(h + ".outOfFoldF1", head.devF1()));
        devFigures.put("sourceHeldOut.extras", CanonicalJson.MAPPER.convertValue(trained.report().extras(),
                Object.class));
        devFigures.put("sourceHeldOut.kit", CanonicalJson.MAPPER.convertValue(trained.report().kit(), Object.class));
        manifest.put("safetyDesign", PrototypeTrainer.DESIGN);
        manifest.put("prototypeEmbedder", bge.embedder().name());
        manifest.put("authoredFiles", corpus.authoredFiles());
        files.putAll(corpus.authoredFiles());
        return CanonicalJson.bytes(model);
    }

    /** The committed fact-check vote ({@code factcheck} block) as a weighted vote's canonical JSON. */
    public static byte[] committedVote(TunedSettings settings) {
        var n = settings.of("factcheck");
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("name", n.path("name").asText());
        vote.put("weights", CanonicalJson.MAPPER.convertValue(n.path("weights"), Object.class));
        vote.put("defaultWeight", n.path("defaultWeight").asDouble(1));
        vote.put("scales", CanonicalJson.MAPPER.convertValue(n.path("scales"), Object.class));
        return CanonicalJson.bytes(vote);
    }

    /** The data sets behind the files read, each with its licence. */
    static List<Map<String, Object>> sources(SortedMap<String, String> files) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        files.keySet().forEach(f -> {
            String set = f.substring(0, f.indexOf('/'));
            out.computeIfAbsent(set, s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("set", s);
                m.put("licence", DataLicences.of(s).licence());
                m.put("shippable", DataLicences.of(s).shippable());
                return m;
            });
        });
        return List.copyOf(out.values());
    }

    /** The bytes as text (every artifact is JSON). */
    public static String text(GovernanceArtifact artifact) {
        return new String(artifact.bytes(), StandardCharsets.UTF_8);
    }
}
