package io.hallmark.retrieval.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The in-process sentence embedders that ship with the platform (ONNX files inside LangChain4j's jars, so
 * nothing is downloaded). All are 384-dimensional.
 */
@SuppressWarnings("ImmutableEnumChecker")
public enum EmbeddingModel {
    /** sentence-transformers/all-MiniLM-L6-v2: the default. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "", "", AllMiniLmL6V2EmbeddingModel.class, "all-minilm-l6-v2", PoolingMode.MEAN,
            false),
    /** all-MiniLM-L6-v2, 8-bit quantized: about twice as fast. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "", "", AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q",
            PoolingMode.MEAN, true),
    /** BAAI/bge-small-en-v1.5, with its retrieval instruction on queries. */
    BGE_SMALL_EN_V15("bge-small-en-v15", "", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15EmbeddingModel.class, "bge-small-en-v1.5", PoolingMode.CLS, false),
    /** BAAI/bge-small-en-v1.5, quantized. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q", PoolingMode.CLS, true),
    /** intfloat/e5-small-v2, quantized, with its {@code passage:} / {@code query:} prefixes. */
    E5_SMALL_V2_Q("e5-small-v2-q", "passage: ", "query: ", E5SmallV2QuantizedEmbeddingModel.class, "e5-small-v2-q",
            PoolingMode.MEAN, true);

    private final String id;
    private final String documentPrefix;
    private final String queryPrefix;
    /** A class of the jar that holds the model's files. */
    private final Class<?> jarClass;
    /** The file names in that jar: {@code NAME.onnx} and {@code NAME-tokenizer.json}. */
    private final String fileName;
    private final PoolingMode pooling;
    /**
     * Whether the ONNX graph quantizes its activations dynamically: the scale is taken over the whole input tensor,
     * so a text's vector would depend on the other texts of its batch and on the padding; such a model reads one text
     * per model call.
     */
    private final boolean quantized;

    EmbeddingModel(String id, String documentPrefix, String queryPrefix, Class<?> jarClass, String fileName,
            PoolingMode pooling, boolean quantized) {
        this.id = id;
        this.documentPrefix = documentPrefix;
        this.queryPrefix = queryPrefix;
        this.jarClass = jarClass;
        this.fileName = fileName;
        this.pooling = pooling;
        this.quantized = quantized;
    }

    /** The name used on the command line and stored in the index, e.g. {@code all-minilm-l6-v2}. */
    public String id() {
        return id;
    }

    /** The SHA-256 of the model's ONNX file (computed once per process). */
    public String sha256() {
        return HASHES.computeIfAbsent(this, m -> {
            try (InputStream onnx = m.jarClass.getClassLoader().getResourceAsStream(m.fileName + ".onnx")) {
                if (onnx == null) {
                    throw new IllegalStateException("The jar of " + m.jarClass.getName() + " lacks " + m.fileName
                            + ".onnx");
                }
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = onnx.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
                return java.util.HexFormat.of().formatHex(digest.digest());
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot hash the embedding model " + m.id + ": " + e.getMessage(), e);
            }
        });
    }

    private static final java.util.Map<EmbeddingModel, String> HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    String documentPrefix() {
        return documentPrefix;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    /**
     * The model on an ONNX Runtime session of one thread that does not spin while idle, with its tokenizer: the
     * encoder runs several batches at once on the executor's {@code threads} threads instead. (LangChain4j's own
     * factories give each session every core, and spinning threads; with short texts, and two models embedding at
     * once, those threads mostly waited on each other.)
     */
    BertBatchEncoder create(Executor executor, int threads, int batchSize) {
        ClassLoader loader = jarClass.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(fileName + ".onnx");
                InputStream tokenizer = loader.getResourceAsStream(fileName + "-tokenizer.json")) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("The jar of " + jarClass.getName() + " lacks " + fileName + ".onnx or "
                        + fileName + "-tokenizer.json");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                session = environment.createSession(onnx.readAllBytes(), options);
            }
            byte[] tokenizerJson = tokenizer.readAllBytes();
            HuggingFaceTokenizer words = HuggingFaceTokenizer.newInstance(
                    new java.io.ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
            HuggingFaceTokenizer untruncated = HuggingFaceTokenizer.newInstance(
                    new java.io.ByteArrayInputStream(tokenizerJson), Map.of("padding", "false", "truncation", "false"));
            return new BertBatchEncoder(environment, session, words, untruncated, pooling == PoolingMode.CLS, executor,
                    threads, quantized ? 1 : batchSize);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + id + ": " + e.getMessage(), e);
        }
    }

    /** Looks a model up by its {@link #id()} (case-insensitive). */
    public static EmbeddingModel byId(String id) {
        for (EmbeddingModel m : values()) {
            if (m.id.equalsIgnoreCase(id.strip()) || m.name().equalsIgnoreCase(id.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown embedding model '" + id + "'; choose one of "
                + Arrays.stream(values()).map(EmbeddingModel::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
