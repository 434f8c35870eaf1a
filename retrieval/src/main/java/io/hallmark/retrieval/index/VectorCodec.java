package io.hallmark.retrieval.index;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The codec of a knowledge-base index: Lucene's default, with the vector field in either the float HNSW
 * format or the HNSW scalar-quantized format (about a quarter of the vector memory, slightly lower recall).
 * The format is recorded per field in the index, so a reader needs no configuration.
 */
final class VectorCodec extends Lucene104Codec {

    /** HNSW graph parameters: neighbours per node and the beam width while building. */
    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 100;

    private final KnnVectorsFormat vectors;

    VectorCodec(boolean quantized) {
        this.vectors = quantized
                ? new Lucene104HnswScalarQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH)
                : new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
    }
}
