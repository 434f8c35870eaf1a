package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.ml.EvalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A real bias model for tests that need the bias scorer: trained by the platform's own trainer (on first use, as a
 * platform does) from a sample of the shared eval folder's <em>dev</em> splits, the first rows of each data set (whole
 * WinoBias pairs), so a test spends seconds instead of the minutes the full dev splits take. The sample is written to
 * a temporary folder; nothing is copied into the repository.
 */
final class SmallBiasModel {

    private static final int ROWS = 40;
    private static final int WINOBIAS_PAIRS = 24;

    private SmallBiasModel() {}

    /** Trains the model into {@code governanceFolder} (where the platform looks for {@code bias-model.json}). */
    static void trainInto(Path governanceFolder, Path work) throws IOException {
        Path eval = TestPaths.sharedDir().resolve("eval");
        Path sample = Files.createDirectories(work.resolve("eval-dev-sample"));
        for (String dataset : List.of("crows-pairs", "stereoset", "deepset-prompt-injections")) {
            List<String> rows = Files.readAllLines(eval.resolve(dataset).resolve("dev.jsonl")).stream()
                    .filter(l -> !l.isBlank()).limit(ROWS).toList();
            write(sample.resolve(dataset).resolve("dev.jsonl"), rows);
        }
        Set<String> pairs = new LinkedHashSet<>();
        List<String> winobias = Files.readAllLines(eval.resolve("winobias").resolve("dev.jsonl")).stream()
                .filter(l -> !l.isBlank()).filter(l -> {
                    String pair = pairId(l);
                    if (pairs.size() < WINOBIAS_PAIRS) {
                        pairs.add(pair);
                    }
                    return pairs.contains(pair);
                }).toList();
        write(sample.resolve("winobias").resolve("dev.jsonl"), winobias);
        for (String file : List.of("descriptors.jsonl", "nouns.jsonl")) {
            write(sample.resolve("holisticbias").resolve(file), Files.readAllLines(eval.resolve("holisticbias")
                    .resolve(file)));
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // as the platform does at start: DJL's ONNX Runtime engine first, before any embedder makes the environment
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        try (GovernanceModels models = new GovernanceModels(governanceFolder, () -> Optional.of(new EvalData(sample)))) {
            // trained as an artifact, then written where a platform reads a hand-made model when none is active
            Files.write(governanceFolder.resolve(io.hallmark.governance.bias.BiasModel.FILE),
                    models.ensure("bias").bytes());
        }
    }

    private static String pairId(String line) {
        try {
            JsonNode row = JsonOutput.mapper().readTree(line);
            return row.path("pair_id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable WinoBias row: " + line, e);
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
