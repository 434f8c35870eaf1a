package io.hallmark.core.model;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sentence embedders the host lends to plugins (format {@code embedding}): the knowledge base's own embedders
 * when the platform shares them ({@link ModelRuntime#withEmbedders}), so one copy of each model serves the
 * knowledge base and every plugin; otherwise embedders of its own, loaded on first use and closed with the runtime.
 */
final class HostEmbeddings implements AutoCloseable {

    /** The format name of a host embedding model in a {@link io.hallmark.api.ModelRequirement}. */
    static final String FORMAT = "embedding";
    static final int MAX_TEXTS = 256;
    static final int MAX_CHARACTERS = 20_000;

    private final Map<EmbeddingModel, OnnxEmbedder> own = new EnumMap<>(EmbeddingModel.class);
    private volatile Function<EmbeddingModel, ? extends Embedder> shared;

    HostEmbeddings() {
        this.shared = this::own;
    }

    void share(Function<EmbeddingModel, ? extends Embedder> source) {
        this.shared = source;
    }

    private synchronized OnnxEmbedder own(EmbeddingModel model) {
        return own.computeIfAbsent(model, m -> new OnnxEmbedder(m, OnnxEmbedder.defaultThreads(), 64));
    }

    /** A lease of the named embedding model; the model loads at the first {@code embed}. */
    ModelLease lease(io.hallmark.api.ModelRequirement requirement, Runnable beforeLoad) {
        String name = requirement.name();
        EmbeddingModel model;
        try {
            model = EmbeddingModel.byId(name);
        } catch (IllegalArgumentException e) {
            throw new io.hallmark.api.GenerationFailedException(e.getMessage() + " (format 'embedding' names the "
                    + "host's sentence embedders)", false, e);
        }
        ModelInfo info = new ModelInfo(model.id(), model.sha256());
        if (requirement.sha256() != null && !requirement.sha256().equals(info.sha256())) {
            throw new io.hallmark.api.GenerationFailedException("Embedding model '" + model.id() + "' has SHA-256 "
                    + info.sha256() + " in this platform, not " + requirement.sha256() + " as asked; ask without a "
                    + "checksum or for the platform's version");
        }
        return new ModelLease() {
            private volatile boolean closed;

            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public Path path() {
                throw new UnsupportedOperationException("Embedding model '" + model.id() + "' ships inside the platform "
                        + "and has no file in the model directory; use embed()");
            }

            @Override
            public List<float[]> embed(List<String> texts, boolean asQueries) {
                if (closed) {
                    throw new IllegalStateException("The lease of embedding model '" + model.id() + "' is closed");
                }
                check(texts);
                beforeLoad.run();
                Embedder embedder = shared.apply(model);
                return asQueries ? embedder.embedQueries(texts) : embedder.embedDocuments(texts);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    private static void check(List<String> texts) {
        if (texts.isEmpty() || texts.size() > MAX_TEXTS) {
            throw InvalidRequestException.of("texts", "embed takes 1 to " + MAX_TEXTS + " texts, not " + texts.size()
                    + "; split larger batches");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.length() > MAX_CHARACTERS) {
                throw InvalidRequestException.of("texts", "text " + i + " is " + (text == null ? "null"
                        : text.length() + " characters long") + "; each text must be at most " + MAX_CHARACTERS
                        + " characters (chunk long documents first)");
            }
        }
    }

    @Override
    public synchronized void close() {
        own.values().forEach(OnnxEmbedder::close);
        own.clear();
    }
}
