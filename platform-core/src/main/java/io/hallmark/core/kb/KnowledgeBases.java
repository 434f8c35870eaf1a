package io.hallmark.core.kb;

import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's knowledge bases under {@code <data-dir>/kb/<name>}, opened on first use with the model they were
 * built with (a new one with all-MiniLM-L6-v2) and held until the platform closes; the embedders are shared, so the
 * REST API and the fact checker use one model instance each. Thread-safe.
 */
public final class KnowledgeBases implements AutoCloseable {

    /** Valid knowledge-base names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;
    private final Map<String, KnowledgeBase> open = new HashMap<>();
    private final Map<EmbeddingModel, OnnxEmbedder> embedders = new EnumMap<>(EmbeddingModel.class);
    private final Map<String, List<EmbeddingModel>> passageModels = new HashMap<>();
    /** Why a knowledge base could not be opened the last time it was tried (a corrupt index), by name. */
    private final Map<String, String> problems = new java.util.TreeMap<>();

    public KnowledgeBases(Path dataDir) {
        this.root = dataDir.resolve("kb");
    }

    /** The folder of a knowledge base; the name must match {@link #NAME}. */
    public Path folder(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid knowledge base name '" + name + "'; use 1-64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return root.resolve(name);
    }

    /** Whether the knowledge base exists (is open or has a folder). */
    public synchronized boolean exists(String name) {
        return open.containsKey(name) || Files.isDirectory(folder(name));
    }

    /** The knowledge base, opened if needed, or empty when it does not exist. */
    public Optional<KnowledgeBase> find(String name) {
        return exists(name) ? Optional.of(open(name)) : Optional.empty();
    }

    /**
     * Makes the knowledge base store every chunk's embedding by {@code model} too (for the fact checker's
     * semantic verifier on that model); call before the knowledge base is first opened. Sources already ingested
     * without it get it on their next ingest.
     */
    public synchronized void storePassageVectors(String name, EmbeddingModel model) {
        folder(name);
        if (open.containsKey(name)) {
            throw new IllegalStateException("Knowledge base '" + name + "' is open already; register passage-vector "
                    + "models before its first use");
        }
        List<EmbeddingModel> models = passageModels.computeIfAbsent(name, n -> new ArrayList<>());
        if (!models.contains(model)) {
            models.add(model);
        }
    }

    /** The knowledge base, opened (and created when new) if needed. */
    public synchronized KnowledgeBase open(String name) {
        KnowledgeBase kb = open.get(name);
        if (kb != null) {
            return kb;
        }
        Path folder = folder(name);
        try {
            String stored = KnowledgeBase.storedEmbedder(folder).orElse(EmbeddingModel.ALL_MINILM_L6_V2.id());
            kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT,
                    "none".equals(stored) ? null : embedder(EmbeddingModel.byId(stored)),
                    passageModels.getOrDefault(name, List.of()).stream().map(this::embedder).toList());
        } catch (io.hallmark.retrieval.RetrievalException e) {
            problems.put(name, e.getMessage()); // tried again on the next use: a rebuilt folder serves at once
            throw e;
        }
        problems.remove(name);
        open.put(name, kb);
        return kb;
    }

    /**
     * The knowledge bases that failed to open the last time they were used (a corrupt index), with why; health
     * reports them.
     */
    public synchronized Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** A shared embedder of the model, loaded on first use. */
    public synchronized OnnxEmbedder embedder(EmbeddingModel model) {
        return embedders.computeIfAbsent(model, m -> new OnnxEmbedder(m, OnnxEmbedder.defaultThreads(), 64));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(KnowledgeBase::close);
        open.clear();
        embedders.values().forEach(OnnxEmbedder::close);
        embedders.clear();
    }
}
