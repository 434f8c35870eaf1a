package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options that pick a knowledge base ({@code <data-dir>/kb/<name>}) and its embedding model. */
final class KbOptions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--kb", paramLabel = "NAME", defaultValue = "default",
            description = "Knowledge base name (default: ${DEFAULT-VALUE}); it lives in <data-dir>/kb/NAME.")
    String name = "default";

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Embedding model for a new knowledge base: all-minilm-l6-v2 (default), all-minilm-l6-v2-q, "
                    + "bge-small-en-v15, bge-small-en-v15-q, e5-small-v2-q. An existing one keeps the model it was built with.")
    @Nullable String model;

    /** The knowledge base folder under the data directory. */
    Path folder(HallmarkConfig config) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid knowledge base name '" + name + "'; use 1-64 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        return config.dataDir().resolve("kb").resolve(name);
    }

    /** The model: the one stored in the knowledge base, else --model, else the default. */
    EmbeddingModel model(Path folder) {
        String stored = KnowledgeBase.storedEmbedder(folder).orElse(null);
        if (stored != null && !"none".equals(stored)) {
            EmbeddingModel m = EmbeddingModel.byId(stored);
            if (model != null && EmbeddingModel.byId(model) != m) {
                throw new IllegalArgumentException("Knowledge base '" + name + "' was built with model '" + stored
                        + "', not '" + model + "'; drop --model or ingest into a new knowledge base (--kb NAME)");
            }
            return m;
        }
        return model == null ? EmbeddingModel.ALL_MINILM_L6_V2 : EmbeddingModel.byId(model);
    }

    static OnnxEmbedder embedder(EmbeddingModel model) {
        return new OnnxEmbedder(model, OnnxEmbedder.defaultThreads(), 64);
    }
}
