package io.hallmark.search.solrcloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.index.IndexFields;
import io.hallmark.retrieval.index.IndexSettings;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.search.SearchHit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Chunks to Solr documents and Solr documents to the same {@link SearchHit} evidence records the local index
 * answers with; the fields are those of {@link IndexFields}.
 */
final class ChunkDocuments {

    /** The title and heading, searched by BM25 with weight 0.3 as in the local index. */
    static final String CONTEXT = "context";
    /** The stored fields a hit is built from. */
    static final String HIT_FIELDS = String.join(",", IndexFields.ID, IndexFields.SOURCE, IndexFields.POSITION,
            IndexFields.TITLE, IndexFields.HEADING, IndexFields.TEXT, IndexFields.METADATA_JSON, "score");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private ChunkDocuments() {}

    static SolrInputDocument document(IndexedChunk indexed, String hash, IndexSettings settings) {
        Chunk c = indexed.chunk();
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(IndexFields.ID, c.id());
        doc.addField(IndexFields.SOURCE, c.sourceId());
        doc.addField(IndexFields.SOURCE_HASH, hash);
        doc.addField(IndexFields.POSITION, c.position());
        doc.addField(IndexFields.TITLE, c.title());
        if (c.heading() != null) {
            doc.addField(IndexFields.HEADING, c.heading());
        }
        doc.addField(CONTEXT, c.heading() == null ? c.title() : c.title() + "\n" + c.heading());
        doc.addField(IndexFields.TEXT, c.text());
        try {
            doc.addField(IndexFields.METADATA_JSON, JSON.writeValueAsString(c.metadata()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        c.metadata().forEach((k, v) -> doc.addField(IndexFields.META_PREFIX + k, v));
        if (settings.hasVectors()) {
            float[] v = indexed.vector();
            if (v == null || v.length != settings.dimension()) {
                throw new IllegalArgumentException("Chunk '" + c.id() + "' needs a " + settings.dimension()
                        + "-dimensional vector, got " + (v == null ? "none" : v.length));
            }
            doc.addField(IndexFields.VECTOR, floats(v));
        }
        indexed.passageVectors().forEach((model, v) -> doc.addField(IndexFields.PASSAGE_VECTOR_PREFIX + model, encode(v)));
        return doc;
    }

    /** One hit; {@code rank} is its 1-based rank in a BM25 list ({@code bm25}) or a vector list. */
    static SearchHit hit(SolrDocument d, int rank, boolean bm25) {
        Map<String, String> metadata;
        try {
            metadata = JSON.readValue((String) d.getFirstValue(IndexFields.METADATA_JSON), STRING_MAP);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            metadata = Map.of();
        }
        Object heading = d.getFirstValue(IndexFields.HEADING);
        return new SearchHit((String) d.getFirstValue(IndexFields.ID), (String) d.getFirstValue(IndexFields.SOURCE),
                ((Number) d.getFirstValue(IndexFields.POSITION)).intValue(), (String) d.getFirstValue(IndexFields.TITLE),
                heading == null ? null : heading.toString(), (String) d.getFirstValue(IndexFields.TEXT), metadata,
                ((Number) d.getFirstValue("score")).doubleValue(), bm25 ? rank : 0, bm25 ? 0 : rank);
    }

    static List<Float> floats(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    /** A stored dense vector as Solr returns it (a list of numbers). */
    static float[] vector(Object stored) {
        Collection<?> values = (Collection<?>) stored;
        float[] v = new float[values.size()];
        int i = 0;
        for (Object o : values) {
            v[i++] = ((Number) o).floatValue();
        }
        return v;
    }

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** A stored passage vector as Solr returns a binary field (bytes or a buffer). */
    static float[] decode(Object stored) {
        ByteBuffer bytes = stored instanceof byte[] array ? ByteBuffer.wrap(array) : ((ByteBuffer) stored).slice();
        float[] v = new float[bytes.remaining() / Float.BYTES];
        bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
