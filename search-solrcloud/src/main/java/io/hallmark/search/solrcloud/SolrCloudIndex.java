package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.RetrievalException;
import io.hallmark.retrieval.index.ChunkIndex;
import io.hallmark.retrieval.index.IndexFields;
import io.hallmark.retrieval.index.IndexSettings;
import io.hallmark.retrieval.index.IndexStats;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.index.IndexedSource;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * A knowledge base's chunks in a SolrCloud collection: the retrieval module's {@link ChunkIndex} on a distributed
 * engine. Each chunk is one Solr document with the local index's fields and analysis ({@link SolrCloudConfigSet});
 * BM25 runs Lucene's {@code SimpleQueryParser} (Solr's {@code simple} parser, whitespace as the only operator) over
 * {@code text} and, with weight 0.3, {@code context}, with collection-wide term statistics; vector search is Solr's
 * {@code knn} parser on an HNSW {@code DenseVectorField} with the filter as a pre-filter. Hits are the same
 * {@link SearchHit} evidence records, so the knowledge base fuses them client-side exactly as it does for the local
 * index.
 *
 * <p>Writes are buffered and sent in batches (replacing a source deletes its chunks by query, then adds the new
 * ones); they become visible, on every node, at {@link #commit()}, a hard commit that opens new searchers. Reads see
 * only committed writes. Unlike the local index, writes sent before a crash may still become durable by Solr's own
 * autoCommit (not visible until the next commit). Thread-safe.
 */
public final class SolrCloudIndex implements ChunkIndex {

    /** Pending writes are sent once this many chunks are buffered. */
    static final int BATCH = 500;
    /** Term clauses per delete or lookup query (Solr's default maxBooleanClauses is 1024). */
    private static final int TERMS_PER_QUERY = 400;
    private static final long CREATE_TIMEOUT_MS = 60_000;

    private final CloudSolrClient client;
    private final boolean ownsClient;
    private final String collection;
    private final IndexSettings settings;
    private final LinkedHashSet<String> pendingDeletes = new LinkedHashSet<>();
    private final List<SolrInputDocument> pendingDocs = new ArrayList<>();

    private SolrCloudIndex(CloudSolrClient client, boolean ownsClient, String collection, IndexSettings settings) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.collection = collection;
        this.settings = settings;
    }

    /**
     * Opens the collection of knowledge base {@code kb}, creating it (configset, shards, replicas) when absent.
     *
     * @throws InvalidRetrievalRequestException when the collection was built with another embedder, or quantized
     *     vectors are asked for (not supported on SolrCloud)
     * @throws RetrievalException when the cluster cannot be reached or the collection cannot be created
     */
    public static SolrCloudIndex open(SolrCloudSettings cluster, String kb, IndexSettings settings) {
        CloudSolrClient client = SolrClients.connect(cluster);
        try {
            return open(client, true, cluster.collectionFor(kb), cluster.shards(), cluster.replicas(), settings);
        } catch (RuntimeException e) {
            SolrClients.closeQuietly(client);
            throw e;
        }
    }

    static SolrCloudIndex open(CloudSolrClient client, boolean ownsClient, String collection, int shards, int replicas,
            IndexSettings settings) {
        if (settings.quantized()) {
            throw new InvalidRetrievalRequestException("Quantized vectors are not supported by the solrcloud retrieval "
                    + "backend; open collection '" + collection + "' without --quantized");
        }
        try {
            if (CollectionAdminRequest.listCollections(client).contains(collection)) {
                String name = new SchemaRequest.SchemaName().process(client, collection).getSchemaName();
                String embedder = SolrCloudConfigSet.embedderOf(name);
                if (embedder == null) {
                    throw new InvalidRetrievalRequestException("Solr collection '" + collection + "' is not a Hallmark "
                            + "knowledge base (its schema is '" + name + "'); choose another solrcloud.collection");
                }
                if (!embedder.equals(settings.embedder())) {
                    throw new InvalidRetrievalRequestException("The knowledge base in Solr collection '" + collection
                            + "' was built with embedder '" + embedder + "', not '" + settings.embedder() + "'; open it "
                            + "with that model, or ingest into a new knowledge base");
                }
            } else {
                create(client, collection, shards, replicas, settings);
            }
        } catch (SolrServerException | IOException | SolrException e) {
            throw new RetrievalException("Cannot open Solr collection '" + collection + "': " + e.getMessage(), e);
        }
        return new SolrCloudIndex(client, ownsClient, collection, settings);
    }

    private static void create(CloudSolrClient client, String collection, int shards, int replicas,
            IndexSettings settings) throws SolrServerException, IOException {
        byte[] zip = SolrCloudConfigSet.zip(settings);
        new ConfigSetAdminRequest.Upload().setConfigSetName(collection).setOverwrite(true)
                .setUploadStream(new ContentStreamBase.ByteArrayStream(zip, collection + ".zip", "application/zip"))
                .process(client);
        CollectionAdminRequest.createCollection(collection, collection, shards, replicas).process(client);
        long deadline = System.currentTimeMillis() + CREATE_TIMEOUT_MS;
        while (true) { // creation returns when the cores exist; wait until every shard answers
            try {
                ModifiableSolrParams p = new ModifiableSolrParams();
                p.set("q", "*:*");
                p.set("rows", 0);
                client.query(collection, p);
                return;
            } catch (SolrException | SolrServerException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetrievalException("Interrupted while waiting for a Solr collection", e);
        }
    }

    /** The collection's name. */
    public String collection() {
        return collection;
    }

    @Override
    public Path path() {
        return Path.of("solrcloud", collection);
    }

    @Override
    public IndexSettings settings() {
        return settings;
    }

    @Override
    public Optional<String> sourceHash(String sourceId) {
        ModifiableSolrParams p = SolrQueries.term(IndexFields.SOURCE, sourceId);
        p.set("rows", 1);
        p.set("fl", IndexFields.SOURCE_HASH);
        List<SolrDocument> docs = query(p).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.ofNullable((String) docs.get(0).getFirstValue(IndexFields.SOURCE_HASH));
    }

    /** Every source has a chunk at position 0: one document per source, {@value #TERMS_PER_QUERY} sources a request. */
    @Override
    public Map<String, String> sourceHashes(Collection<String> sourceIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(sourceIds));
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += TERMS_PER_QUERY) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + TERMS_PER_QUERY));
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", SolrQueries.anyOf(IndexFields.SOURCE, part));
            p.add("fq", IndexFields.POSITION + ":0");
            p.set("rows", part.size());
            p.set("fl", IndexFields.SOURCE + "," + IndexFields.SOURCE_HASH);
            for (SolrDocument d : query(p).getResults()) {
                out.put((String) d.getFirstValue(IndexFields.SOURCE), (String) d.getFirstValue(IndexFields.SOURCE_HASH));
            }
        }
        return out;
    }

    @Override
    public synchronized void replaceSource(String sourceId, String hash, List<IndexedChunk> chunks) {
        pendingDeletes.add(sourceId);
        for (IndexedChunk c : chunks) {
            pendingDocs.add(ChunkDocuments.document(c, hash, settings));
        }
        if (pendingDocs.size() >= BATCH) {
            flush();
        }
    }

    @Override
    public synchronized boolean deleteSource(String sourceId) {
        flush();
        boolean present = sourceHash(sourceId).isPresent();
        update(new UpdateRequest().deleteByQuery(SolrQueries.anyOf(IndexFields.SOURCE, List.of(sourceId))), sourceId);
        return present;
    }

    /**
     * Sends the buffered writes: first the deletes of every replaced source, then the new chunks. A send that fails
     * drops the buffer too: the caller, told by the exception, sends them again from its source of truth, and a later
     * write never re-sends an older version of a source after a newer one was written by another node.
     */
    private void flush() {
        List<String> deletes = new ArrayList<>(pendingDeletes);
        List<SolrInputDocument> docs = new ArrayList<>(pendingDocs);
        pendingDeletes.clear();
        pendingDocs.clear();
        for (int i = 0; i < deletes.size(); i += TERMS_PER_QUERY) {
            List<String> part = deletes.subList(i, Math.min(deletes.size(), i + TERMS_PER_QUERY));
            update(new UpdateRequest().deleteByQuery(SolrQueries.anyOf(IndexFields.SOURCE, part)), part.get(0));
        }
        if (!docs.isEmpty()) {
            UpdateRequest add = new UpdateRequest();
            add.add(docs);
            update(add, (String) docs.get(0).getFieldValue(IndexFields.SOURCE));
        }
    }

    private void update(UpdateRequest request, String firstSource) {
        try {
            request.process(client, collection);
        } catch (SolrServerException | IOException | SolrException e) {
            throw new RetrievalException("Cannot write source '" + firstSource + "' (and the others of its batch) to "
                    + "Solr collection '" + collection + "': " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void commit() {
        flush();
        try {
            client.commit(collection, true, true);
        } catch (SolrServerException | IOException | SolrException e) {
            throw new RetrievalException("Cannot commit Solr collection '" + collection + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<SearchHit> bm25(String query, SearchFilter filter, int n) {
        ModifiableSolrParams p = SolrQueries.bm25(query);
        return hits(p, filter, n, true);
    }

    @Override
    public List<SearchHit> knn(float[] vector, SearchFilter filter, int n) {
        if (!settings.hasVectors()) {
            throw new InvalidRetrievalRequestException("The knowledge base in Solr collection '" + collection + "' has no "
                    + "vectors (built without an embedder); use BM25 mode or re-ingest with an embedding model");
        }
        return hits(SolrQueries.knn(vector, n), filter, n, false);
    }

    private List<SearchHit> hits(ModifiableSolrParams p, SearchFilter filter, int n, boolean bm25) {
        SolrQueries.filter(p, filter);
        p.set("rows", n);
        p.set("fl", ChunkDocuments.HIT_FIELDS);
        List<SolrDocument> docs = query(p).getResults();
        List<SearchHit> hits = new ArrayList<>(docs.size());
        for (SolrDocument d : docs) {
            hits.add(ChunkDocuments.hit(d, hits.size() + 1, bm25));
        }
        return hits;
    }

    @Override
    public int visitVectors(VectorVisitor visitor) {
        if (!settings.hasVectors()) {
            throw new InvalidRetrievalRequestException("The knowledge base in Solr collection '" + collection
                    + "' has no vectors");
        }
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        int count = 0;
        while (true) {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", "*:*");
            p.set("sort", IndexFields.ID + " asc");
            p.set("rows", 500);
            p.set("fl", IndexFields.ID + "," + IndexFields.VECTOR);
            p.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(p);
            for (SolrDocument d : r.getResults()) {
                visitor.visit((String) d.getFirstValue(IndexFields.ID), ChunkDocuments.vector(d.getFieldValues(IndexFields.VECTOR)));
                count++;
            }
            if (r.getNextCursorMark().equals(cursor)) {
                return count;
            }
            cursor = r.getNextCursorMark();
        }
    }

    @Override
    public Map<String, float[]> vectors(Collection<String> chunkIds, String model) {
        String field = IndexFields.PASSAGE_VECTOR_PREFIX + model;
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(chunkIds));
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += TERMS_PER_QUERY) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + TERMS_PER_QUERY));
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", SolrQueries.anyOf(IndexFields.ID, part));
            p.set("rows", part.size());
            p.set("fl", IndexFields.ID + "," + field);
            for (SolrDocument d : query(p).getResults()) {
                Object stored = d.getFirstValue(field);
                if (stored != null) {
                    out.put((String) d.getFirstValue(IndexFields.ID), ChunkDocuments.decode(stored));
                }
            }
        }
        return out;
    }

    @Override
    public List<IndexedSource> sources(int offset, int limit) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("facet", true);
        p.set("facet.field", IndexFields.SOURCE);
        p.set("facet.sort", "index");
        p.set("facet.mincount", 1);
        p.set("facet.offset", offset);
        p.set("facet.limit", limit);
        FacetField facet = query(p).getFacetField(IndexFields.SOURCE);
        if (facet == null || facet.getValues() == null || facet.getValues().isEmpty()) {
            return List.of();
        }
        List<String> ids = facet.getValues().stream().map(FacetField.Count::getName).toList();
        ModifiableSolrParams titles = new ModifiableSolrParams();
        titles.set("q", IndexFields.POSITION + ":0");
        titles.add("fq", SolrQueries.anyOf(IndexFields.SOURCE, ids));
        titles.set("rows", ids.size());
        titles.set("fl", IndexFields.SOURCE + "," + IndexFields.TITLE);
        Map<String, String> byId = new HashMap<>();
        for (SolrDocument d : query(titles).getResults()) {
            Object title = d.getFirstValue(IndexFields.TITLE);
            byId.put((String) d.getFirstValue(IndexFields.SOURCE), title == null ? "" : title.toString());
        }
        List<IndexedSource> page = new ArrayList<>(ids.size());
        for (FacetField.Count c : facet.getValues()) {
            page.add(new IndexedSource(c.getName(), byId.getOrDefault(c.getName(), ""), (int) c.getCount()));
        }
        return page;
    }

    /**
     * Sources and chunks as the collection counts them (every source has a chunk at position 0). Segments, size
     * and commit generation are per replica in Solr and are not reported here (0; generation 1 once the collection
     * exists, as its settings are recorded in its schema then).
     */
    @Override
    public IndexStats stats() {
        long chunks = count("*:*");
        long sources = count(IndexFields.POSITION + ":0");
        Map<String, String> data = Map.of(IndexFields.COMMIT_EMBEDDER, settings.embedder(),
                IndexFields.COMMIT_DIMENSION, Integer.toString(settings.dimension()),
                IndexFields.COMMIT_QUANTIZED, Boolean.toString(settings.quantized()));
        return new IndexStats(sources, chunks, 0, 0, 1, data);
    }

    private long count(String q) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", q);
        p.set("rows", 0);
        return query(p).getResults().getNumFound();
    }

    /**
     * {@code solrcloud-<collection>-v<newest _version_>-n<chunks>}: the newest update version Solr assigned to a
     * live chunk, and the chunk count (so deleting a source changes it too).
     */
    @Override
    public String snapshot() {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 1);
        p.set("fl", "_version_");
        p.set("sort", "_version_ desc");
        QueryResponse r = query(p);
        Object version = r.getResults().isEmpty() ? 0L : r.getResults().get(0).getFirstValue("_version_");
        return "solrcloud-" + collection + "-v" + version + "-n" + r.getResults().getNumFound();
    }

    private QueryResponse query(ModifiableSolrParams p) {
        try {
            return client.query(collection, p, SolrRequest.METHOD.POST);
        } catch (SolrException e) {
            if (e.code() == 400) {
                throw new InvalidRetrievalRequestException("Solr refused the search in collection '" + collection
                        + "': " + e.getMessage() + "; shorten or simplify the query");
            }
            throw new RetrievalException("Cannot search Solr collection '" + collection + "': " + e.getMessage(), e);
        } catch (SolrServerException | IOException e) {
            throw new RetrievalException("Cannot search Solr collection '" + collection + "': " + e.getMessage(), e);
        }
    }

    /** Closes the client (when this index opened it); buffered writes not yet committed are dropped. */
    @Override
    public synchronized void close() {
        pendingDeletes.clear();
        pendingDocs.clear();
        if (ownsClient) {
            SolrClients.closeQuietly(client);
        }
    }
}
