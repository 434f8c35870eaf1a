package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.kb.KnowledgeBases;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a data directory needs so that governed generation is decided instead of failing closed (every governance
 * check must run): a small real safety model and bias model, trained here from the first rows of the shared eval
 * folder's <em>dev</em> splits (seconds instead of minutes), and a {@code default} knowledge base with one document
 * for the fact check. Nothing is copied into the repository; the data directory is the test's own (the models and
 * the knowledge base are built once per test JVM in a temporary folder, then copied).
 */
final class GovernedDataDir {

    private static final int ROWS = 40;
    private static final double CUT = 0.9;
    private static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(15, 32, 0.005f, 3e-4f, 1);

    private GovernedDataDir() {}

    private static Path built;

    /**
     * Puts the small models into {@code dataDir/governance} and the {@code default} knowledge base under
     * {@code dataDir/kb}: built once per test JVM (about 20 s), then copied.
     */
    static synchronized void prepare(Path dataDir, Path work) throws IOException {
        if (built == null) {
            Path dir = Files.createTempDirectory("hallmark-governed-");
            build(dir, Files.createDirectories(dir.resolve("work")));
            built = dir;
        }
        copy(built.resolve("governance"), dataDir.resolve("governance"));
        copy(built.resolve("kb"), dataDir.resolve("kb"));
    }

    /** Puts only the small models into {@code dataDir/governance} (no knowledge base): built once per test JVM. */
    static synchronized void prepareModels(Path dataDir, Path work) throws IOException {
        if (built == null) {
            Path dir = Files.createTempDirectory("hallmark-governed-");
            build(dir, Files.createDirectories(dir.resolve("work")));
            built = dir;
        }
        copy(built.resolve("governance"), dataDir.resolve("governance"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void build(Path dataDir, Path work) throws IOException {
        Path governance = Files.createDirectories(dataDir.resolve("governance"));
        SmallBiasModel.trainInto(governance, work);
        trainSafety(governance);
        try (KnowledgeBases kbs = new KnowledgeBases(dataDir)) {
            // as the platform's fact check registers them, before the knowledge base is first opened
            kbs.storePassageVectors("default", FactCheckers.FIRST_MODEL);
            kbs.storePassageVectors("default", FactCheckers.SECOND_MODEL);
            kbs.open("default").ingest(List.of(SourceDocument.of("lighthouses", "Lighthouses", "A lighthouse is a "
                    + "tower that emits light to guide ships at sea. Lighthouse keepers tended the lamps until most "
                    + "lights were automated in the twentieth century.", Map.of())), IngestListener.NONE);
        }
    }

    /**
     * The four safety heads, each a logistic head over the platform's embedder trained on a few dev rows: injection
     * on deepset injections against deepset benign prompts; jailbreak on JailbreakBench prompts, harmful requests on
     * AdvBench goals, both against the same benign prompts; toxicity shares the harmful-request head (the tests that
     * use this model generate benign text).
     */
    private static void trainSafety(Path governance) throws IOException {
        Path eval = TestPaths.sharedDir().resolve("eval");
        List<String> benign = new ArrayList<>(texts(eval.resolve("deepset-prompt-injections/dev.jsonl"), "text", 0,
                ROWS * 2));
        benign.addAll(texts(eval.resolve("alpacaeval-queries/dev.jsonl"), "text", -1, ROWS * 2));
        List<String> injections = texts(eval.resolve("deepset-prompt-injections/dev.jsonl"), "text", 1, ROWS);
        List<String> jailbreaks = texts(eval.resolve("jailbreakbench/dev.jsonl"), "prompt", -1, ROWS);
        List<String> harmful = texts(eval.resolve("advbench/dev.jsonl"), "goal", -1, ROWS);
        try (GovernanceModels models = new GovernanceModels(governance, Optional::empty)) {
            TextFeatures features = models.features();
            LogisticModel injection = fit(features, injections, benign);
            LogisticModel jailbreak = fit(features, jailbreaks, benign);
            LogisticModel harm = fit(features, harmful, benign);
            // a conservative cut-off: a head this small flags only what it is sure of
            new SafetyModel(features.embedder().name(), Map.of("injection", new SafetyModel.Head(injection, CUT, 0),
                    "jailbreak", new SafetyModel.Head(jailbreak, CUT, 0), "harmful", new SafetyModel.Head(harm, CUT, 0),
                    "toxicity", new SafetyModel.Head(harm, CUT, 0)), "test sample of the dev splits")
                    .save(governance.resolve(SafetyModel.FILE));
        }
    }

    private static LogisticModel fit(TextFeatures features, List<String> positive, List<String> negative) {
        List<String> texts = new ArrayList<>(positive);
        texts.addAll(negative);
        float[] y = new float[texts.size()];
        for (int i = 0; i < positive.size(); i++) {
            y[i] = 1;
        }
        return DjlTraining.logistic("test-head", features.features(texts).toArray(float[][]::new), y, null, true,
                SETTINGS);
    }

    /** The first {@code n} values of {@code field} (of rows with that {@code label}, unless it is -1). */
    private static List<String> texts(Path file, String field, int label, int n) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || out.size() >= n) {
                continue;
            }
            JsonNode row = JsonOutput.mapper().readTree(line);
            if (label < 0 || row.path("label").asInt() == label) {
                out.add(row.path(field).asText());
            }
        }
        return out;
    }
}
