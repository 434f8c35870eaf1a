package io.hallmark.retrieval.search;

/**
 * Weighted reciprocal rank fusion: a chunk scores {@code bm25 / (rrfK + rankBm25) + vector / (rrfK + rankVector)}
 * (ranks from 1; a list it is absent from adds nothing).
 *
 * @param bm25 weight of the BM25 ranking
 * @param vector weight of the vector ranking
 * @param rrfK the rank constant (60 in the original paper); smaller values favour the top ranks more
 */
public record FusionWeights(double bm25, double vector, int rrfK) {

    /**
     * The default weights: the best hybrid recall@5 of a grid search on the Climate-FEVER dev split with
     * all-MiniLM-L6-v2 ({@code hallmark eval retrieval --split dev --tune}; see
     * docs/evaluation/retrieval-climate-fever.md). The surface is flat: RRF k from 10 to 60 and vector weights
     * from 1 to 1.5 all land within 0.015 of it.
     */
    public static final FusionWeights DEFAULT = new FusionWeights(1.0, 1.25, 5);

    public FusionWeights {
        if (bm25 < 0 || vector < 0 || bm25 + vector == 0 || Double.isNaN(bm25) || Double.isNaN(vector)) {
            throw new IllegalArgumentException("Fusion weights must be non-negative and not both zero, got bm25="
                    + bm25 + " vector=" + vector);
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("The RRF rank constant must be at least 1, got " + rrfK);
        }
    }
}
