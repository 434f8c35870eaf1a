package io.hallmark.retrieval.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The in-process sentence embedders that ship with the platform (ONNX files inside LangChain4j's jars, so
 * nothing is downloaded). All are 384-dimensional.
 */
@SuppressWarnings("ImmutableEnumChecker")
public enum EmbeddingModel {
    /** sentence-transformers/all-MiniLM-L6-v2: the default. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "", "", AllMiniLmL6V2EmbeddingModel::new),
    /** all-MiniLM-L6-v2, 8-bit quantized: about twice as fast. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "", "", AllMiniLmL6V2QuantizedEmbeddingModel::new),
    /** BAAI/bge-small-en-v1.5, with its retrieval instruction on queries. */
    BGE_SMALL_EN_V15("bge-small-en-v15", "", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15EmbeddingModel::new),
    /** BAAI/bge-small-en-v1.5, quantized. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "", "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15QuantizedEmbeddingModel::new),
    /** intfloat/e5-small-v2, quantized, with its {@code passage:} / {@code query:} prefixes. */
    E5_SMALL_V2_Q("e5-small-v2-q", "passage: ", "query: ", E5SmallV2QuantizedEmbeddingModel::new);

    private final String id;
    private final String documentPrefix;
    private final String queryPrefix;
    private final Function<Executor, dev.langchain4j.model.embedding.EmbeddingModel> factory;

    EmbeddingModel(String id, String documentPrefix, String queryPrefix,
            Function<Executor, dev.langchain4j.model.embedding.EmbeddingModel> factory) {
        this.id = id;
        this.documentPrefix = documentPrefix;
        this.queryPrefix = queryPrefix;
        this.factory = factory;
    }

    /** The name used on the command line and stored in the index, e.g. {@code all-minilm-l6-v2}. */
    public String id() {
        return id;
    }

    String documentPrefix() {
        return documentPrefix;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    dev.langchain4j.model.embedding.EmbeddingModel create(Executor executor) {
        return factory.apply(executor);
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
