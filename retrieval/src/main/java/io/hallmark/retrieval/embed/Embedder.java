package io.hallmark.retrieval.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors for the knowledge base. Documents and queries are separate calls
 * because some models (E5, BGE) want a different prefix on each. Implementations are thread-safe.
 */
public interface Embedder extends AutoCloseable {

    /** A stable name stored with every index, so an index is never searched with another model's vectors. */
    String name();

    /** The vector length. */
    int dimension();

    /** Embeds passages (chunks), in order; one vector per text. */
    List<float[]> embedDocuments(List<String> texts);

    /** Embeds one search query. */
    float[] embedQuery(String query);

    @Override
    default void close() {}
}
