package io.hallmark.retrieval;

import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.chunk.Chunker;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.index.ChunkIndex;
import io.hallmark.retrieval.index.IndexSettings;
import io.hallmark.retrieval.index.IndexStats;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.index.LuceneIndex;
import io.hallmark.retrieval.ingest.Cleaning;
import io.hallmark.retrieval.ingest.DocumentLoader;
import io.hallmark.retrieval.ingest.IngestScreen;
import io.hallmark.retrieval.ingest.LoadResult;
import io.hallmark.retrieval.ingest.Skip;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.record.KnowledgeRecord;
import io.hallmark.retrieval.record.RecordWrite;
import io.hallmark.retrieval.record.SourceChange;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.search.ReciprocalRankFusion;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.search.VersionedHits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge base: one Lucene index in one folder, an embedder, and the chunking and search around them.
 * This is the entry point of the module.
 *
 * <pre>{@code
 * try (Embedder embedder = OnnxEmbedder.createDefault();
 *      KnowledgeBase kb = KnowledgeBase.open(dataDir.resolve("kb/default"), KnowledgeBaseOptions.DEFAULT, embedder)) {
 *     kb.ingest(Path.of("docs"), IngestListener.NONE);
 *     List<SearchHit> hits = kb.search(SearchRequest.of("sea level rise", SearchMode.HYBRID, 5));
 * }
 * }</pre>
 *
 * <p>Each {@code ingest} call commits once at its end, so a crash mid-ingest leaves the knowledge base as it
 * was after the previous ingest; {@link #delete(String)} commits at once. Searches see every write of this
 * process immediately (near-real-time readers). Unchanged sources are recognised by a content hash and not
 * embedded again. Thread-safe for searches; ingests and deletes are serialised.
 *
 * <p>With a {@link KnowledgeRecord} attached ({@link #attach}), the index is a cache derived from the record: an
 * ingest or deletion writes the record in one transaction and then waits until the index has applied it; the index
 * follows the record's changes through {@link #apply} (or {@link #rebuild}), and records the change sequence it has
 * applied in each commit. A search then answers with that sequence ({@link #searchVersioned}).
 */
public final class KnowledgeBase implements AutoCloseable {

    /**
     * Vector, hybrid and re-ranked searches draw this many candidates per k from each list, and at least
     * {@link #MIN_CANDIDATES}: HNSW searched for only 10 candidates found 0.92-0.98 of the exact top 10 in the
     * benchmark, with 50 candidates 0.99 (docs/retrieval.md).
     */
    static final int CANDIDATES_PER_K = 5;
    static final int MIN_CANDIDATES = 50;

    /** Replaced by a fresh one when a tragic I/O error (a full disk) closed its writer: {@link #usable()}. */
    private volatile ChunkIndex index;
    private final ChunkIndex.Opener opener;
    private final IndexSettings settings;
    private final @Nullable Embedder embedder;
    private final List<Embedder> passageEmbedders;
    private final KnowledgeBaseOptions options;
    private final Chunker chunker;
    /** Searches read, {@link #apply} and {@link #rebuild} write, so a search never sees half of a change batch. */
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();
    private volatile @Nullable KnowledgeRecord record;
    private volatile IngestScreen screen = IngestScreen.NONE;
    private volatile long appliedSequence;

    private KnowledgeBase(ChunkIndex index, ChunkIndex.Opener opener, IndexSettings settings,
            @Nullable Embedder embedder, List<Embedder> passageEmbedders, KnowledgeBaseOptions options) {
        this.index = index;
        this.opener = opener;
        this.settings = settings;
        this.embedder = embedder;
        this.passageEmbedders = List.copyOf(passageEmbedders);
        this.options = options;
        this.chunker = new Chunker(options.chunking());
        this.appliedSequence = index instanceof LuceneIndex lucene ? lucene.committedSequence() : -1;
    }

    /**
     * Makes {@code newRecord} the record of this knowledge base: from now on ingests and deletions are written there
     * and reach the index only through {@link #apply} or {@link #rebuild}.
     */
    public void attach(KnowledgeRecord newRecord) {
        this.record = java.util.Objects.requireNonNull(newRecord, "record");
    }

    /**
     * Screens every new or changed document of later ingests for injection with {@code newScreen}; a flagged one is
     * quarantined: not indexed, its earlier version removed, listed in {@link IngestReport#quarantined()}. While the
     * screen cannot run (its {@link IngestScreen.Result#unavailable()}) an ingest with new or changed documents is
     * refused with {@link io.hallmark.retrieval.ingest.ScreenUnavailableException} before anything is written (fail
     * closed); only a knowledge base without a screen ({@link IngestScreen#NONE}, a library use without governance)
     * takes documents unscreened, and its report says so.
     */
    public void screenWith(IngestScreen newScreen) {
        this.screen = java.util.Objects.requireNonNull(newScreen, "screen");
    }

    /** Whether {@link #screenWith} has set a screen. */
    public boolean screened() {
        return screen != IngestScreen.NONE;
    }

    /** The record's change sequence the index has applied (as committed), or -1 when it has applied none. */
    public long appliedSequence() {
        return appliedSequence;
    }

    /**
     * Applies changes of the record, in order, and commits them with {@code sequence}, the record's change sequence
     * after them; searches see all of them or none. On a local Lucene index the sequence is recorded in the commit;
     * on a search cluster's index (shared by every node, written by one node at a time) it is only this node's view of
     * the version, and an empty {@code changes} writes nothing.
     */
    public void apply(long sequence, List<SourceChange> changes) {
        indexLock.writeLock().lock();
        try {
            ChunkIndex index = usable();
            for (SourceChange change : changes) {
                switch (change) {
                    case SourceChange.Put put -> index.replaceSource(put.sourceId(), put.hash(), put.chunks());
                    case SourceChange.Delete delete -> index.deleteSource(delete.sourceId());
                }
            }
            commit(index, sequence, !changes.isEmpty());
            appliedSequence = sequence;
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    /**
     * Replaces everything the index holds with the sources {@code sources} hands to its sink (the record's state at
     * the sequence it answers) and commits once at the end; searches wait meanwhile. A crash mid-way leaves the
     * previous commit. A search cluster's index is filled this way only while it is empty (it is shared: a node
     * never wipes it); otherwise this fails with {@link IllegalStateException}.
     */
    public void rebuild(ToLongFunction<Consumer<SourceChange.Put>> sources) {
        indexLock.writeLock().lock();
        try {
            ChunkIndex index = usable();
            if (index instanceof LuceneIndex lucene) {
                lucene.deleteAll();
            } else if (index.stats().chunks() > 0) {
                throw new IllegalStateException("The shared index " + index.path() + " is not empty; a node applies the "
                        + "record's changes to it instead of rebuilding it");
            }
            long sequence = sources.applyAsLong(put -> index.replaceSource(put.sourceId(), put.hash(), put.chunks()));
            commit(index, sequence, true);
            appliedSequence = sequence;
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    private static void commit(ChunkIndex index, long sequence, boolean wrote) {
        if (index instanceof LuceneIndex lucene) {
            lucene.commit(Map.of(io.hallmark.retrieval.index.IndexFields.COMMIT_SEQUENCE, Long.toString(sequence)));
        } else if (wrote) {
            index.commit();
        }
    }

    /**
     * Opens (or creates) the knowledge base in {@code folder}.
     *
     * @param embedder the embedder, or {@code null} for a BM25-only knowledge base
     * @throws InvalidRetrievalRequestException when the folder was built with another embedder
     */
    public static KnowledgeBase open(Path folder, KnowledgeBaseOptions options, @Nullable Embedder embedder) {
        return open(folder, options, embedder, List.of());
    }

    /**
     * Opens (or creates) the knowledge base in {@code folder}, also storing the embedding of every chunk's text
     * (without title) by each of {@code passageEmbedders} (not searchable; read back with
     * {@code index().vectors(ids, model)}), for consumers that compare text with chunks on those models. Sources ingested before without them are embedded again on
     * their next ingest (the set of models is part of the source hash).
     */
    public static KnowledgeBase open(Path folder, KnowledgeBaseOptions options, @Nullable Embedder embedder,
            List<? extends Embedder> passageEmbedders) {
        return open(settings -> LuceneIndex.open(folder, settings), options, embedder, passageEmbedders);
    }

    /**
     * Opens (or creates) a knowledge base on another backend's index (e.g. a SolrCloud collection): the opener
     * receives the settings the embedder and options make and must refuse an index built with others.
     */
    public static KnowledgeBase open(ChunkIndex.Opener backend, KnowledgeBaseOptions options, @Nullable Embedder embedder,
            List<? extends Embedder> passageEmbedders) {
        IndexSettings settings = embedder == null
                ? new IndexSettings(IndexSettings.NO_EMBEDDER, 0, false)
                : new IndexSettings(embedder.name(), embedder.dimension(), options.quantizedVectors());
        return new KnowledgeBase(backend.open(settings), backend, settings, embedder, List.copyOf(passageEmbedders),
                options);
    }

    /**
     * The index, opened again from its last commit when a tragic I/O error (the disk filling up mid-flush) closed the
     * previous writer: the knowledge base recovers by itself on its next use once the cause is gone.
     */
    private ChunkIndex usable() {
        ChunkIndex current = index;
        return current.broken() ? reopen(current) : current; // searches take no lock on the way
    }

    private synchronized ChunkIndex reopen(ChunkIndex broken) {
        if (index != broken) {
            return index; // another caller reopened it
        }
        try {
            broken.close();
        } catch (RuntimeException ignored) {
            // the writer is closed already; the directory is released either way
        }
        index = opener.open(settings);
        return index;
    }

    /** The embedder name recorded in the knowledge base at {@code folder}, if it has been committed once. */
    public static Optional<String> storedEmbedder(Path folder) {
        return LuceneIndex.storedSettings(folder).map(IndexSettings::embedder);
    }

    /** Reads a file or folder and ingests what it can; skipped files and rows are in the report. */
    public IngestReport ingest(Path path, IngestListener listener) {
        LoadResult loaded = new DocumentLoader(options.maxFileBytes()).load(path);
        return ingest(loaded.documents(), loaded.skips(), listener);
    }

    /** Ingests documents: new sources are added, changed ones replaced, unchanged ones left alone. */
    public IngestReport ingest(List<SourceDocument> documents, IngestListener listener) {
        return ingest(documents, List.of(), listener);
    }

    private synchronized IngestReport ingest(List<SourceDocument> documents, List<Skip> earlierSkips,
            IngestListener listener) {
        long start = System.nanoTime();
        ChunkIndex index = usable();
        List<Skip> skips = new ArrayList<>(earlierSkips);
        StringBuilder models = new StringBuilder(embedder == null ? IndexSettings.NO_EMBEDDER : embedder.name());
        passageEmbedders.forEach(e -> models.append('+').append(e.name()));
        String embedderName = models.toString();
        // look every hash up before writing, so the near-real-time reader is opened once
        KnowledgeRecord rec = record; // one record for the whole ingest
        Map<String, String> hashes = new HashMap<>();
        Map<String, Boolean> known = new HashMap<>();
        List<SourceDocument> todo = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        List<Cleaning> cleaned = new ArrayList<>();
        List<SourceDocument> candidates = new ArrayList<>();
        for (SourceDocument original : documents) {
            SourceDocument.Cleaned clean = original.cleaned(); // the index and the evidence it feeds store every character
            SourceDocument doc = clean.document();
            if (clean.removed() > 0) {
                cleaned.add(new Cleaning(doc.id(), clean.removed()));
            }
            if (!seen.add(doc.id())) {
                skips.add(new Skip(doc.id(), 0, "the same source id appears twice in one ingest; the first was kept"));
                continue;
            }
            if (doc.isBlank()) {
                skips.add(new Skip(doc.id(), 0, "no text"));
                continue;
            }
            candidates.add(doc);
        }
        // one look-up for every source (a remote backend answers it in a few requests, not one per source)
        Map<String, String> storedHashes = index.sourceHashes(candidates.stream().map(SourceDocument::id).toList());
        for (SourceDocument doc : candidates) {
            String hash = SourceHash.of(doc, options.chunking(), embedderName);
            Optional<String> stored = rec != null ? rec.storedHash(doc.id())
                    : Optional.ofNullable(storedHashes.get(doc.id()));
            if (stored.isPresent() && stored.get().equals(hash)) {
                unchanged++;
                continue;
            }
            hashes.put(doc.id(), hash);
            known.put(doc.id(), stored.isPresent());
            todo.add(doc);
        }
        // untrusted text is screened for injection before it can reach retrieval; a flagged document is quarantined
        IngestScreen.Result screening = todo.isEmpty() ? IngestScreen.Result.screened(List.of())
                : screen.screen(List.copyOf(todo));
        if (screening.unavailable() != null && screen != IngestScreen.NONE) {
            // fail closed: a knowledge base with a screen takes nothing unscreened; nothing is written yet
            throw new io.hallmark.retrieval.ingest.ScreenUnavailableException(todo.size(), screening.unavailable());
        }
        Set<String> flagged = new HashSet<>();
        for (io.hallmark.retrieval.ingest.Quarantine q : screening.quarantined()) {
            flagged.add(q.source());
            if (known.getOrDefault(q.source(), false)) {
                delete(q.source()); // its earlier version would still be retrieved
            }
        }
        todo.removeIf(d -> flagged.contains(d.id()));
        int added = 0;
        int replaced = 0;
        long chunks = 0;
        long embedNanos = 0;
        int done = unchanged;
        int total = documents.size();
        List<SourceDocument> batchDocs = new ArrayList<>();
        List<List<Chunk>> batchChunks = new ArrayList<>();
        int batchSize = 0;
        try (RecordWrite write = rec == null || todo.isEmpty() ? null : rec.begin()) {
            for (int i = 0; i < todo.size(); i++) {
                SourceDocument doc = todo.get(i);
                List<Chunk> docChunks = chunker.chunk(doc);
                batchDocs.add(doc);
                batchChunks.add(docChunks);
                batchSize += docChunks.size();
                if (batchSize >= options.embedBatch() || i == todo.size() - 1) {
                    long t = System.nanoTime();
                    List<List<IndexedChunk>> embedded;
                    try {
                        embedded = embed(batchChunks);
                    } catch (RuntimeException e) {
                        // every source written so far is whole: keep them, so that a retry embeds only the rest
                        if (added + replaced > 0) {
                            if (write != null) {
                                rec.committed(write.commit());
                            } else {
                                index.commit();
                            }
                        }
                        throw new RetrievalException("The embedding model failed (" + e.getMessage() + ") after "
                                + (added + replaced) + " of " + todo.size() + " new or changed sources were ingested; "
                                + "those are kept. Ingest again once the model works: unchanged sources are skipped", e);
                    }
                    embedNanos += System.nanoTime() - t;
                    for (int j = 0; j < batchDocs.size(); j++) {
                        SourceDocument d = batchDocs.get(j);
                        if (write != null) {
                            write.put(d.id(), hashes.get(d.id()), embedded.get(j));
                        } else {
                            index.replaceSource(d.id(), hashes.get(d.id()), embedded.get(j));
                        }
                        if (known.get(d.id())) {
                            replaced++;
                        } else {
                            added++;
                        }
                        chunks += embedded.get(j).size();
                    }
                    done += batchDocs.size();
                    listener.progress(done, total, chunks);
                    batchDocs.clear();
                    batchChunks.clear();
                    batchSize = 0;
                }
            }
            if (write != null) {
                rec.committed(write.commit());
            }
        }
        if (rec == null && (added + replaced > 0 || index.stats().commitGeneration() == 0)) {
            index.commit(); // (an empty first ingest commits too, to record the settings)
        }
        listener.progress(total, total, chunks);
        return new IngestReport(added, replaced, unchanged, chunks, skips, (System.nanoTime() - start) / 1_000_000,
                embedNanos / 1_000_000, cleaned, screening.quarantined(), screening.unavailable());
    }

    private List<List<IndexedChunk>> embed(List<List<Chunk>> perDoc) {
        List<List<IndexedChunk>> out = new ArrayList<>(perDoc.size());
        if (embedder == null) {
            for (List<Chunk> chunks : perDoc) {
                out.add(chunks.stream().map(c -> new IndexedChunk(c, null)).toList());
            }
            return out;
        }
        List<String> texts = new ArrayList<>();
        perDoc.forEach(chunks -> chunks.forEach(c -> texts.add(c.embeddingText())));
        List<float[]> vectors = embedder.embedDocuments(texts);
        Map<String, List<float[]>> passages = new HashMap<>();
        if (!passageEmbedders.isEmpty()) {
            List<String> plain = new ArrayList<>();
            perDoc.forEach(chunks -> chunks.forEach(c -> plain.add(c.text())));
            passageEmbedders.forEach(e -> passages.put(e.name(), e.embedDocuments(plain)));
        }
        int k = 0;
        for (List<Chunk> chunks : perDoc) {
            List<IndexedChunk> indexed = new ArrayList<>(chunks.size());
            for (Chunk c : chunks) {
                int at = k++;
                Map<String, float[]> extra = new HashMap<>();
                passages.forEach((model, v) -> extra.put(model, v.get(at)));
                indexed.add(new IndexedChunk(c, vectors.get(at), extra));
            }
            out.add(indexed);
        }
        return out;
    }

    /** The documents it holds, in id order, a page at a time. */
    public List<io.hallmark.retrieval.index.IndexedSource> sources(int offset, int limit) {
        return index.sources(offset, limit);
    }

    /** Removes a source and its chunks, durably; returns whether it was there. */
    public synchronized boolean delete(String sourceId) {
        KnowledgeRecord rec = record;
        if (rec != null) {
            try (RecordWrite write = rec.begin()) {
                boolean present = write.delete(sourceId);
                long sequence = write.commit();
                if (present) {
                    rec.committed(sequence);
                }
                return present;
            }
        }
        ChunkIndex index = usable();
        boolean present = index.deleteSource(sourceId);
        if (present) {
            index.commit();
        }
        return present;
    }

    /** Searches; hits are best first, at most {@code k}. */
    public List<SearchHit> search(SearchRequest request) {
        return search(request, null);
    }

    /**
     * Searches with the query's vector already computed (by this knowledge base's embedder, e.g. in one batch
     * with other queries); {@code null} embeds the query when the mode needs it.
     */
    public List<SearchHit> search(SearchRequest request, float @Nullable [] queryVector) {
        indexLock.readLock().lock();
        try {
            return searchLocked(request, queryVector);
        } finally {
            indexLock.readLock().unlock();
        }
    }

    /** Searches, answering with the version of the knowledge base the hits were read from. */
    public VersionedHits searchVersioned(SearchRequest request) {
        return searchVersioned(request, null);
    }

    /** Searches with the query's vector already computed, answering with the version the hits were read from. */
    public VersionedHits searchVersioned(SearchRequest request, float @Nullable [] queryVector) {
        indexLock.readLock().lock();
        try {
            return new VersionedHits(snapshot(), appliedSequence, searchLocked(request, queryVector));
        } finally {
            indexLock.readLock().unlock();
        }
    }

    private List<SearchHit> searchLocked(SearchRequest request, float @Nullable [] queryVector) {
        if (queryVector != null && embedder != null && queryVector.length != embedder.dimension()) {
            throw new IllegalArgumentException("The query vector has " + queryVector.length + " dimensions; this "
                    + "knowledge base's model '" + embedder.name() + "' makes " + embedder.dimension());
        }
        ChunkIndex index = usable();
        int pool = options.reranker() == null && request.mode() == SearchMode.BM25
                ? request.k()
                : Math.min(SearchRequest.MAX_K, Math.max(MIN_CANDIDATES, request.k() * CANDIDATES_PER_K));
        List<SearchHit> hits = switch (request.mode()) {
            case BM25 -> index.bm25(request.query(), request.filter(), pool);
            case VECTOR -> index.knn(queryVector != null ? queryVector : queryVector(request.query()),
                    request.filter(), pool);
            case HYBRID -> hybrid(index, request, queryVector, pool);
        };
        if (options.reranker() != null) {
            hits = options.reranker().rerank(request.query(), List.copyOf(hits));
        }
        return hits.size() > request.k() ? List.copyOf(hits.subList(0, request.k())) : hits;
    }

    private List<SearchHit> hybrid(ChunkIndex index, SearchRequest request, float @Nullable [] queryVector, int pool) {
        FusionWeights w = request.fusion();
        List<SearchHit> bm25 = w.bm25() == 0 ? List.of() : index.bm25(request.query(), request.filter(), pool);
        List<SearchHit> vector = w.vector() == 0 ? List.of() : index.knn(queryVector != null ? queryVector
                : queryVector(request.query()), request.filter(), pool);
        return ReciprocalRankFusion.fuse(bm25, vector, w);
    }

    private float[] queryVector(String query) {
        if (embedder == null) {
            throw new InvalidRetrievalRequestException("The knowledge base at '" + index.path()
                    + "' has no embedder, so only BM25 search works; use --mode bm25");
        }
        try {
            return embedder.embedQuery(query);
        } catch (RuntimeException e) {
            throw new RetrievalException("The embedding model '" + embedder.name() + "' cannot embed the query ("
                    + e.getMessage() + "); vector and hybrid searches fail until it works again, BM25 still works", e);
        }
    }

    /**
     * The snapshot searches read now, recorded with each fact-checked decision: {@code kb-seq-42} when the index
     * follows a record (the record's change sequence it has applied, the same on every node that applied it), else
     * {@code lucene-v42}, a monotonically increasing version of this local index (every ingest or deletion raises it).
     */
    public String snapshot() {
        long sequence = appliedSequence;
        return sequence >= 0 ? "kb-seq-" + sequence : index.snapshot();
    }

    /** Counts and settings. */

    public KnowledgeBaseStats stats() {
        IndexStats s = index.stats();
        return new KnowledgeBaseStats(index.path(), s.sources(), s.chunks(), index.settings().embedder(),
                index.settings().dimension(), index.settings().quantized(), s.segments(), s.sizeBytes(),
                s.commitGeneration(), s.commitData().getOrDefault("hallmark.committed", ""));
    }

    /** The index, for benchmarks and tools that need exact vector access. */
    public ChunkIndex index() {
        return index;
    }

    /** The models whose embeddings of each chunk's text are stored beside the searchable vectors. */
    public List<String> passageVectorModels() {
        return passageEmbedders.stream().map(Embedder::name).toList();
    }

    /** The embedder, if any. */
    public Optional<Embedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    /** Closes the index (not the embedder, which the caller owns). */
    @Override
    public void close() {
        index.close();
    }
}
