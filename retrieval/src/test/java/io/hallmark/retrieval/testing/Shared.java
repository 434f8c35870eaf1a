package io.hallmark.retrieval.testing;

import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Test fixtures shared by every test class of the JVM: the shared data folder and loaded embedders. */
public final class Shared {

    private static final Map<EmbeddingModel, OnnxEmbedder> EMBEDDERS = new EnumMap<>(EmbeddingModel.class);

    private Shared() {}

    /** {@code ../shared} of the repository (set by the build as {@code hallmark.shared.dir}). */
    public static Path sharedDir() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).toAbsolutePath().normalize();
    }

    public static Path evalDir() {
        Path dir = sharedDir().resolve("eval");
        if (!Files.isDirectory(dir.resolve("climate-fever"))) {
            throw new IllegalStateException("The shared eval data is missing at " + dir);
        }
        return dir;
    }

    /** A real embedder, loaded once per test JVM (loading costs a second or two). */
    public static synchronized OnnxEmbedder embedder(EmbeddingModel model) {
        return EMBEDDERS.computeIfAbsent(model, m -> new OnnxEmbedder(m, 2, 32));
    }

    /** The default model, all-MiniLM-L6-v2. */
    public static OnnxEmbedder miniLm() {
        return embedder(EmbeddingModel.ALL_MINILM_L6_V2);
    }
}
