package io.hallmark.retrieval.index;

/** The Lucene field names of a chunk document. */
public final class IndexFields {

    private IndexFields() {}

    /** Chunk id, {@code <source>#<position>}: string, stored. */
    public static final String ID = "id";
    /** Source id: string (for delete, replace and filters), stored. */
    public static final String SOURCE = "source";
    /** A hash of the source's content and ingest settings: stored; unchanged sources are not re-ingested. */
    public static final String SOURCE_HASH = "source_hash";
    /** Position of the chunk in its source: stored. */
    public static final String POSITION = "position";
    /** Source title: analysed (BM25), stored. */
    public static final String TITLE = "title";
    /** Heading the chunk sits under: analysed (BM25), stored. */
    public static final String HEADING = "heading";
    /** Chunk text: analysed (BM25), stored. */
    public static final String TEXT = "text";
    /** Metadata as JSON: stored. */
    public static final String METADATA_JSON = "metadata_json";
    /** Prefix of the per-key metadata string fields used by filters, e.g. {@code meta.article}. */
    public static final String META_PREFIX = "meta.";
    /** Prefix of the stored (not searchable) embeddings of the chunk text by a model, e.g. {@code passage_vector.bge-small-en-v15-q}. */
    public static final String PASSAGE_VECTOR_PREFIX = "passage_vector.";
    /** The embedding: HNSW, dot-product similarity on unit vectors. */
    public static final String VECTOR = "vector";

    /** Commit user data: the embedder name. */
    public static final String COMMIT_EMBEDDER = "hallmark.embedder";
    /** Commit user data: the vector dimension. */
    public static final String COMMIT_DIMENSION = "hallmark.dimension";
    /** Commit user data: whether vectors are scalar-quantized. */
    public static final String COMMIT_QUANTIZED = "hallmark.quantized";
    /** Commit user data: when the commit was made (ISO-8601). */
    public static final String COMMIT_TIME = "hallmark.committed";
    /** Commit user data: the change sequence of the record the index has applied up to (absent when it follows none). */
    public static final String COMMIT_SEQUENCE = "hallmark.kb.sequence";
}
