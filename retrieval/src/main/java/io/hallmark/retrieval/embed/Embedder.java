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

    /** Embeds search queries, in order; one vector per query (implementations may batch them). */
    default List<float[]> embedQueries(List<String> queries) {
        return queries.stream().map(this::embedQuery).toList();
    }

    /**
     * The text as this embedder's model reads a document, tokenized once and not truncated, so that a reader of long
     * texts can embed all of one in windows ({@link #embedWithWindows}).
     *
     * @throws UnsupportedOperationException when the embedder cannot say how its model reads a text
     */
    default Tokens tokens(String text) {
        throw new UnsupportedOperationException("The embedder " + name() + " does not read texts in token windows");
    }

    /**
     * Embeds documents and windows of tokenized documents in one call, in order: one vector per text, then one per
     * window. A window is read from the ids of its {@link Tokens}, never tokenized again.
     */
    default List<float[]> embedWithWindows(List<String> texts, List<Tokens.Window> windows) {
        List<String> all = new java.util.ArrayList<>(texts);
        windows.forEach(w -> all.add(w.text()));
        return embedDocuments(all);
    }

    /** Whether a text embedded as a query gets the same vector as embedded as a document (no model prefixes). */
    default boolean symmetric() {
        return false;
    }

    @Override
    default void close() {}
}
