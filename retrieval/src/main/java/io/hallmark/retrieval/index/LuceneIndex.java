package io.hallmark.retrieval.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.RetrievalException;
import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import org.jspecify.annotations.Nullable;

/**
 * One knowledge base's Lucene index on local disk. Writes (replace or delete a source's chunks) become
 * visible to searches at once through near-real-time readers, and durable only at {@link #commit()}: a crash
 * leaves the index at its last commit. Closing without committing discards the uncommitted writes. One
 * process at a time may open an index (Lucene's write lock). Thread-safe.
 */
public final class LuceneIndex implements ChunkIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    /** Field weights of the BM25 query: the chunk text, and the title and heading as context. */
    private static final Map<String, Float> BM25_FIELDS = Map.of(IndexFields.TEXT, 1.0f, "context", 0.3f);
    private static final String CONTEXT = "context";

    private final Path path;
    private final IndexSettings settings;
    private final FSDirectory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneIndex(Path path, IndexSettings settings, FSDirectory directory, IndexWriter writer)
            throws IOException {
        this.path = path;
        this.settings = settings;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the index in {@code path}, creating it when absent.
     *
     * @throws RetrievalException when another process holds the index, or it was built with other settings
     */
    public static LuceneIndex open(Path path, IndexSettings settings) {
        FSDirectory directory = null;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            Map<String, String> existing = commitData(directory);
            checkCompatible(path, settings, existing);
            IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(new VectorCodec(settings.quantized()))
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                verifyChecksums(writer);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
            return new LuceneIndex(path, settings, directory, writer);
        } catch (org.apache.lucene.index.CorruptIndexException | org.apache.lucene.index.IndexFormatTooOldException
                 | org.apache.lucene.index.IndexFormatTooNewException | java.io.EOFException e) {
            close(directory);
            throw new RetrievalException("The knowledge base index at '" + path + "' is corrupt (" + e.getMessage()
                    + "). It is not searched, so fact checks against it fail closed. Rebuild it: move the folder "
                    + "aside and ingest its sources again", e);
        } catch (LockObtainFailedException e) {
            close(directory);
            throw new RetrievalException("The knowledge base at '" + path + "' is in use by another process (its "
                    + "write.lock is held); stop that process or use another knowledge base", e);
        } catch (IOException e) {
            close(directory);
            throw new RetrievalException("Cannot open the knowledge base index at '" + path + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(directory);
            throw e;
        }
    }

    /**
     * Reads every file of every segment of the last commit to its end and checks its CRC-32 footer (Lucene's
     * {@code checkIntegrity}): a flipped bit or a truncated file anywhere is found when the index opens, not as wrong
     * search results later. Reads the whole index once (about a second for 100,000 chunks with their vectors).
     */
    private static void verifyChecksums(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    /** The settings recorded in the last commit of the index at {@code path}, if there is one. */
    public static Optional<IndexSettings> storedSettings(Path path) {
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (FSDirectory directory = FSDirectory.open(path)) {
            Map<String, String> data = commitData(directory);
            if (!data.containsKey(IndexFields.COMMIT_EMBEDDER)) {
                return Optional.empty();
            }
            return Optional.of(new IndexSettings(data.get(IndexFields.COMMIT_EMBEDDER),
                    Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_DIMENSION, "0")),
                    Boolean.parseBoolean(data.get(IndexFields.COMMIT_QUANTIZED))));
        } catch (IOException e) {
            throw new RetrievalException("Cannot read the knowledge base index at '" + path + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> commitData(FSDirectory directory) throws IOException {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IndexNotFoundException | NoSuchFileException e) {
            return Map.of();
        }
    }

    private static void checkCompatible(Path path, IndexSettings settings, Map<String, String> existing) {
        String embedder = existing.get(IndexFields.COMMIT_EMBEDDER);
        if (embedder != null && !embedder.equals(settings.embedder())) {
            throw new InvalidRetrievalRequestException("The knowledge base at '" + path + "' was built with embedder '"
                    + embedder + "', not '" + settings.embedder() + "'; open it with that model, or ingest into a new "
                    + "knowledge base");
        }
    }

    private static void close(@Nullable FSDirectory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public IndexSettings settings() {
        return settings;
    }

    /** The content hash stored with a source, if the source is in the index (committed or not). */
    @Override
    public Optional<String> sourceHash(String sourceId) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.SOURCE, sourceId)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<String>empty();
            }
            return Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.SOURCE_HASH));
        });
    }

    /** Atomically replaces every chunk of a source with these (visible now, durable at the next commit). */
    @Override
    public void replaceSource(String sourceId, String hash, List<IndexedChunk> chunks) {
        List<Document> docs = new ArrayList<>(chunks.size());
        for (IndexedChunk c : chunks) {
            docs.add(document(c, hash));
        }
        try {
            writer.updateDocuments(new Term(IndexFields.SOURCE, sourceId), docs);
        } catch (IOException e) {
            throw new RetrievalException("Cannot write source '" + sourceId + "' to '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Deletes every chunk of a source; returns whether it had any. */
    @Override
    public boolean deleteSource(String sourceId) {
        boolean present = sourceHash(sourceId).isPresent();
        try {
            writer.deleteDocuments(new Term(IndexFields.SOURCE, sourceId));
        } catch (IOException e) {
            throw new RetrievalException("Cannot delete source '" + sourceId + "' from '" + path + "': " + e.getMessage(), e);
        }
        return present;
    }

    /** Makes every write so far durable, recording the index settings in the commit. */
    @Override
    public void commit() {
        commit(Map.of());
    }

    /**
     * Makes every write so far durable, recording the index settings and {@code extra} (e.g.
     * {@link IndexFields#COMMIT_SEQUENCE}) in the commit.
     */
    public void commit(Map<String, String> extra) {
        Map<String, String> data = new HashMap<>(extra);
        data.put(IndexFields.COMMIT_EMBEDDER, settings.embedder());
        data.put(IndexFields.COMMIT_DIMENSION, Integer.toString(settings.dimension()));
        data.put(IndexFields.COMMIT_QUANTIZED, Boolean.toString(settings.quantized()));
        data.put(IndexFields.COMMIT_TIME, Instant.now().toString());
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new RetrievalException("Cannot commit the knowledge base at '" + path + "': " + e.getMessage(), e);
        }
    }

    /** The record's change sequence recorded in the last commit, or -1 when the index follows no record. */
    public long committedSequence() {
        try {
            String value = commitData(directory).get(IndexFields.COMMIT_SEQUENCE);
            return value == null ? -1 : Long.parseLong(value);
        } catch (IOException | NumberFormatException e) {
            throw new RetrievalException("Cannot read the last commit of the knowledge base at '" + path + "': "
                    + e.getMessage(), e);
        }
    }

    /** Deletes every chunk (visible now, durable at the next commit), e.g. before a rebuild from the record. */
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new RetrievalException("Cannot clear the knowledge base at '" + path + "': " + e.getMessage(), e);
        }
    }

    /**
     * Every live source with its content hash and chunks (text, metadata, searchable vector and stored passage
     * vectors), read back from the index: how an index built before the record existed is copied into it. Holds every
     * chunk in memory while it reads (a migration of a local knowledge base, done once).
     */
    public int exportSources(SourceExporter exporter) {
        return withSearcher(searcher -> {
            Map<String, String> hashes = new HashMap<>();
            Map<String, List<IndexedChunk>> chunks = new java.util.TreeMap<>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var values = settings.hasVectors() ? leaf.reader().getFloatVectorValues(IndexFields.VECTOR) : null;
                var it = values == null ? null : values.iterator();
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc);
                    float[] vector = null;
                    if (it != null) {
                        int at = it.docID() < doc ? it.advance(doc) : it.docID();
                        if (at == doc) {
                            vector = values.vectorValue(it.index()).clone();
                        }
                    }
                    Map<String, String> metadata;
                    try {
                        metadata = JSON.readValue(d.get(IndexFields.METADATA_JSON), STRING_MAP);
                    } catch (JsonProcessingException e) {
                        metadata = Map.of();
                    }
                    Map<String, float[]> passages = new HashMap<>();
                    for (var field : d.getFields()) {
                        if (field.name().startsWith(IndexFields.PASSAGE_VECTOR_PREFIX) && field.binaryValue() != null) {
                            passages.put(field.name().substring(IndexFields.PASSAGE_VECTOR_PREFIX.length()),
                                    decode(field.binaryValue()));
                        }
                    }
                    String source = d.get(IndexFields.SOURCE);
                    Chunk chunk = new Chunk(source, d.getField(IndexFields.POSITION).numericValue().intValue(),
                            d.get(IndexFields.TITLE), d.get(IndexFields.HEADING), d.get(IndexFields.TEXT), metadata);
                    hashes.put(source, d.get(IndexFields.SOURCE_HASH));
                    chunks.computeIfAbsent(source, s -> new ArrayList<>()).add(new IndexedChunk(chunk, vector, passages));
                }
            }
            for (var e : chunks.entrySet()) {
                List<IndexedChunk> ordered = new ArrayList<>(e.getValue());
                ordered.sort(java.util.Comparator.comparingInt(c -> c.chunk().position()));
                exporter.source(e.getKey(), hashes.get(e.getKey()), ordered);
            }
            return chunks.size();
        });
    }

    /** Receives the sources of an index, each once, with all its chunks in position order. */
    @FunctionalInterface
    public interface SourceExporter {
        void source(String sourceId, String hash, List<IndexedChunk> chunks);
    }

    /** BM25 over the chunk text (and, with a lower weight, title and heading); best first. */
    @Override
    public List<SearchHit> bm25(String query, SearchFilter filter, int n) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, BM25_FIELDS, SimpleQueryParser.WHITESPACE_OPERATOR);
        Query parsed = parser.parse(query);
        if (parsed == null) {
            return List.of(); // only stop words
        }
        Query q = filtered(parsed, filter);
        return withSearcher(searcher -> {
            try {
                return hits(searcher, searcher.search(q, n), true);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new InvalidRetrievalRequestException("The query has too many words for BM25 (" + e.getMessage()
                        + "); shorten it");
            }
        });
    }

    /** Approximate nearest neighbours (HNSW) of a unit query vector; best first, scores in [0, 1]. */
    @Override
    public List<SearchHit> knn(float[] vector, SearchFilter filter, int n) {
        requireVectors();
        Query q = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, n, filter.isEmpty() ? null : filterQuery(filter));
        return withSearcher(searcher -> hits(searcher, searcher.search(q, n), false));
    }

    /** Every live chunk with its vector, for exact (brute-force) comparisons in benchmarks. */
    @Override
    public int visitVectors(VectorVisitor visitor) {
        requireVectors();
        return withSearcher(searcher -> {
            int count = 0;
            for (var leaf : searcher.getIndexReader().leaves()) {
                var values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                var it = values.iterator();
                for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(stored.document(doc).get(IndexFields.ID), values.vectorValue(it.index()));
                        count++;
                    }
                }
            }
            return count;
        });
    }

    /**
     * The passage vectors stored at ingest for {@code model} (see {@link IndexedChunk#passageVectors()}), by chunk
     * id; chunks without one, and ids not in the index, are left out.
     */
    @Override
    public Map<String, float[]> vectors(java.util.Collection<String> chunkIds, String model) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        String field = IndexFields.PASSAGE_VECTOR_PREFIX + model;
        return withSearcher(searcher -> {
            Map<String, float[]> out = new HashMap<>();
            StoredFields fields = searcher.storedFields();
            for (String id : new java.util.LinkedHashSet<>(chunkIds)) {
                TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
                if (top.scoreDocs.length > 0) {
                    BytesRef bytes = fields.document(top.scoreDocs[0].doc, java.util.Set.of(field)).getBinaryValue(field);
                    if (bytes != null) {
                        out.put(id, decode(bytes));
                    }
                }
            }
            return out;
        });
    }

    private static BytesRef encode(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return new BytesRef(b.array());
    }

    private static float[] decode(BytesRef bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(v);
        return v;
    }

    /**
     * The live sources in id order, a page at a time.
     *
     * @param offset how many to skip
     * @param limit the most to return
     */
    @Override
    public List<IndexedSource> sources(int offset, int limit) {
        return withSearcher(searcher -> {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            List<IndexedSource> page = new ArrayList<>();
            Terms terms = MultiTerms.getTerms(reader, IndexFields.SOURCE);
            if (terms == null) {
                return page;
            }
            Bits live = MultiBits.getLiveDocs(reader);
            StoredFields stored = searcher.storedFields();
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            int seen = 0;
            BytesRef term;
            while ((term = te.next()) != null && page.size() < limit) {
                postings = MultiTerms.getTermPostingsEnum(reader, IndexFields.SOURCE, term, PostingsEnum.NONE);
                int chunks = 0;
                int first = -1;
                for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        chunks++;
                        first = first < 0 ? d : first;
                    }
                }
                if (chunks == 0 || seen++ < offset) {
                    continue;
                }
                String title = stored.document(first).get(IndexFields.TITLE);
                page.add(new IndexedSource(term.utf8ToString(), title == null ? "" : title, chunks));
            }
            return page;
        });
    }

    /** Counts of what the index holds. */
    @Override
    public IndexStats stats() {
        return withSearcher(searcher -> {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            long sources = 0;
            Terms terms = MultiTerms.getTerms(reader, IndexFields.SOURCE);
            if (terms != null) {
                Bits live = MultiBits.getLiveDocs(reader);
                TermsEnum te = terms.iterator();
                PostingsEnum postings = null;
                while (te.next() != null) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            sources++;
                            break;
                        }
                    }
                }
            }
            long size = 0;
            for (String file : directory.listAll()) {
                try {
                    size += directory.fileLength(file);
                } catch (NoSuchFileException ignored) {
                    // merged away while listing
                }
            }
            Map<String, String> data = commitData(directory);
            long generation = data.isEmpty() ? 0 : SegmentInfos.readLatestCommit(directory).getGeneration();
            return new IndexStats(sources, reader.numDocs(), reader.leaves().size(), size, generation, data);
        });
    }

    /**
     * The version of what searches see now: Lucene's index version, which grows with every change to the index and
     * is kept in its commits, so a decision can name the knowledge-base snapshot it read.
     */
    public long version() {
        return withSearcher(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
    }

    /** How many live chunks match everything (for tests and progress). */
    public int count() {
        return withSearcher(searcher -> searcher.count(MatchAllDocsQuery.INSTANCE));
    }

    private void requireVectors() {
        if (!settings.hasVectors()) {
            throw new InvalidRetrievalRequestException("The knowledge base at '" + path + "' has no vectors (built without "
                    + "an embedder); use BM25 mode or re-ingest with an embedding model");
        }
    }

    private Document document(IndexedChunk indexed, String hash) {
        Chunk c = indexed.chunk();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, c.id(), Field.Store.YES));
        doc.add(new StringField(IndexFields.SOURCE, c.sourceId(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.SOURCE_HASH, hash));
        doc.add(new StoredField(IndexFields.POSITION, c.position()));
        doc.add(new StoredField(IndexFields.TITLE, c.title()));
        if (c.heading() != null) {
            doc.add(new StoredField(IndexFields.HEADING, c.heading()));
        }
        doc.add(new TextField(CONTEXT, c.heading() == null ? c.title() : c.title() + "\n" + c.heading(), Field.Store.NO));
        doc.add(new TextField(IndexFields.TEXT, c.text(), Field.Store.YES));
        try {
            doc.add(new StoredField(IndexFields.METADATA_JSON, JSON.writeValueAsString(c.metadata())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        c.metadata().forEach((k, v) -> doc.add(new StringField(IndexFields.META_PREFIX + k, v, Field.Store.NO)));
        if (settings.hasVectors()) {
            float[] v = indexed.vector();
            if (v == null || v.length != settings.dimension()) {
                throw new IllegalArgumentException("Chunk '" + c.id() + "' needs a " + settings.dimension()
                        + "-dimensional vector, got " + (v == null ? "none" : v.length));
            }
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
        }
        indexed.passageVectors().forEach((model, v) ->
                doc.add(new StoredField(IndexFields.PASSAGE_VECTOR_PREFIX + model, encode(v))));
        return doc;
    }

    private static Query filtered(Query q, SearchFilter filter) {
        if (filter.isEmpty()) {
            return q;
        }
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(filterQuery(filter), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query filterQuery(SearchFilter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (!filter.sources().isEmpty()) {
            b.add(new TermInSetQuery(IndexFields.SOURCE, filter.sources().stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        filter.metadata().forEach((k, v) ->
                b.add(new TermQuery(new Term(IndexFields.META_PREFIX + k, v)), BooleanClause.Occur.FILTER));
        return b.build();
    }

    private static List<SearchHit> hits(IndexSearcher searcher, TopDocs top, boolean bm25) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        int rank = 0;
        for (ScoreDoc sd : top.scoreDocs) {
            rank++;
            Document d = stored.document(sd.doc);
            Map<String, String> metadata;
            try {
                metadata = JSON.readValue(d.get(IndexFields.METADATA_JSON), STRING_MAP);
            } catch (JsonProcessingException e) {
                metadata = Map.of();
            }
            hits.add(new SearchHit(d.get(IndexFields.ID), d.get(IndexFields.SOURCE),
                    d.getField(IndexFields.POSITION).numericValue().intValue(), d.get(IndexFields.TITLE),
                    d.get(IndexFields.HEADING), d.get(IndexFields.TEXT), metadata, sd.score,
                    bm25 ? rank : 0, bm25 ? 0 : rank));
        }
        return hits;
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return f.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new RetrievalException("Cannot search the knowledge base at '" + path + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether the writer was closed by a tragic event (an I/O error Lucene cannot undo, such as the disk filling up
     * while it flushed a segment): the last commit is intact, and the index must be opened again to write or search.
     */
    @Override
    public boolean broken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    /** The knowledge-base snapshot searches read now: {@code lucene-v<version>}. */
    @Override
    public String snapshot() {
        return "lucene-v" + version();
    }

    /** Closes the index; writes since the last commit are discarded. */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new RetrievalException("Cannot close the knowledge base at '" + path + "': " + e.getMessage(), e);
        }
    }
}
