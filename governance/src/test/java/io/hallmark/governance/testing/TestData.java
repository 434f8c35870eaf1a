package io.hallmark.governance.testing;

import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by the governance tests: the shared eval folder (dev splits only) and one real MiniLM embedder per JVM. */
public final class TestData {

    private static TextFeatures features;

    private TestData() {}

    public static EvalData eval() {
        Path dir = Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).resolve("eval")
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("deepset-prompt-injections"))) {
            throw new IllegalStateException("The shared eval data is missing at " + dir);
        }
        return new EvalData(dir);
    }

    public static synchronized TextFeatures features() {
        if (features == null) {
            features = new TextFeatures(new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, 2, 32));
        }
        return features;
    }
}
