package io.hallmark.retrieval.embed;

import io.hallmark.retrieval.RetrievalException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Embedder} on one of the ONNX models shipped in LangChain4j's jars, run by {@link BertBatchEncoder}: the
 * texts of one call are tokenized once and embedded in padded batches of up to {@code batchSize} texts of similar
 * length, the batches spread over {@code threads} worker threads; vectors are L2-normalised so the index can use
 * dot-product similarity. See the package documentation for the ONNX Runtime order trap.
 */
public final class OnnxEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final BertBatchEncoder encoder;
    private final ExecutorService executor;

    /**
     * Loads the model (a second or two; the ONNX file comes from the classpath).
     *
     * @param threads worker threads for a batch (the number of cores is a good value)
     * @param batchSize texts per call into the model
     */
    public OnnxEmbedder(EmbeddingModel model, int threads, int batchSize) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1, got " + threads + " and "
                    + batchSize);
        }
        this.model = model;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embedder-" + model.id() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.encoder = model.create(executor, threads, batchSize);
        } catch (RuntimeException | LinkageError e) {
            executor.shutdownNow();
            throw new RetrievalException("Cannot load the embedding model '" + model.id() + "': " + e
                    + ". If another ONNX Runtime user started first, see the order note in io.hallmark.retrieval.embed", e);
        }
    }

    /**
     * Worker threads that suit this machine: one per core, since each inference runs on one thread
     * ({@link EmbeddingModel#create}).
     */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The default model with {@link #defaultThreads()} workers, in batches of 64. */
    public static OnnxEmbedder createDefault() {
        return new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, defaultThreads(), 64);
    }

    public EmbeddingModel model() {
        return model;
    }

    @Override
    public String name() {
        return model.id();
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return embedAll(texts, model.documentPrefix());
    }

    @Override
    public List<float[]> embedQueries(List<String> queries) {
        return embedAll(queries, model.queryPrefix());
    }

    private List<float[]> embedAll(List<String> texts, String prefix) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (float[] v : encoder.embed(texts.stream().map(t -> prefix + t).toList())) {
            vectors.add(Vectors.normalize(v));
        }
        return vectors;
    }

    @Override
    public Tokens tokens(String text) {
        return encoder.tokens(model.documentPrefix(), text);
    }

    @Override
    public List<float[]> embedWithWindows(List<String> texts, List<Tokens.Window> windows) {
        String prefix = model.documentPrefix();
        List<float[]> vectors = new ArrayList<>(texts.size() + windows.size());
        for (float[] v : encoder.embed(texts.stream().map(t -> prefix + t).toList(), windows)) {
            vectors.add(Vectors.normalize(v));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedQueries(List.of(query)).get(0);
    }

    @Override
    public boolean symmetric() {
        return model.queryPrefix().equals(model.documentPrefix());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
