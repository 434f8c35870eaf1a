package io.hallmark.retrieval.index;

/**
 * What an index is built with; stored in every commit and checked when the index is opened again.
 *
 * @param embedder the embedder name, or {@code none} for a BM25-only index
 * @param dimension the vector dimension, 0 for a BM25-only index
 * @param quantized whether vectors use the scalar-quantized HNSW format
 */
public record IndexSettings(String embedder, int dimension, boolean quantized) {

    public static final String NO_EMBEDDER = "none";

    public IndexSettings {
        if (dimension < 0 || dimension > 4096) {
            throw new IllegalArgumentException("Vector dimension must be between 0 and 4096, got " + dimension);
        }
        if ((dimension == 0) != NO_EMBEDDER.equals(embedder)) {
            throw new IllegalArgumentException("An index has vectors exactly when it has an embedder; got embedder '"
                    + embedder + "' with dimension " + dimension);
        }
    }

    public boolean hasVectors() {
        return dimension > 0;
    }
}
