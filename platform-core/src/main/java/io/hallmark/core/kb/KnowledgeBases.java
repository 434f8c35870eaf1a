package io.hallmark.core.kb;

import io.hallmark.api.HallmarkException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.RetrievalException;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.record.RecordWrite;
import io.hallmark.search.solrcloud.RetrievalBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's knowledge bases, opened on first use with the model they were built with (a new one with
 * all-MiniLM-L6-v2) and held until the platform closes; the embedders are shared, so the REST API and the fact checker
 * use one model instance each. Thread-safe.
 *
 * <p><b>Shared</b> (with a database, as the platform runs): PostgreSQL is the record of every knowledge base
 * ({@link PostgresKnowledgeRecord}); the Lucene index under {@code <data-dir>/kb/<name>} is this node's cache of it.
 * An ingest or deletion writes the record in one transaction and returns once this node's index has applied it;
 * other nodes apply it when notified ({@link KnowledgeBaseFollower}) or at their next poll. An index that is missing,
 * deleted while the node runs, corrupt, or ahead of the database is rebuilt from the record, in the background on a
 * server; the knowledge base answers {@link KnowledgeBaseRebuildingException} (HTTP 503) until it is done. A local
 * index from before the record existed is copied into it when first opened.
 *
 * <p><b>Local</b> (no database: tools and tests that build a data directory offline): each knowledge base is just its
 * Lucene index under {@code <data-dir>/kb/<name>}.
 *
 * <p><b>On a search cluster</b> ({@code retrieval-backend=solrcloud}, shared mode only): PostgreSQL stays the record,
 * and each knowledge base's index is one SolrCloud collection every node shares. The node that ingests or deletes
 * writes the new changes into the collection after the record's transaction committed, before the call returns
 * ({@link ClusterIndexWriter}), and records the change the collection then holds; other nodes follow that change,
 * which their searches report as the version. When the record stays ahead of the collection (the writing node died, or
 * the cluster refused the write), a follower writes the missing changes after {@link #CLUSTER_REPAIR_GRACE}. A node
 * that opens the knowledge base fills the collection when it is empty and writes the sources whose content differs
 * from the record when it is behind; it never rebuilds it from scratch.
 */
public final class KnowledgeBases implements AutoCloseable {

    private java.util.function.@Nullable Function<String, io.hallmark.retrieval.ingest.IngestScreen> screens;
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBases.class);

    /** Valid knowledge-base names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** How many changes a catch-up applies per index commit. */
    static final int CHANGE_BATCH = 256;
    /**
     * On a search cluster: how long the record may be ahead of the cluster index, with the same change written, before
     * a follower writes the missing changes itself (the node that ingested normally does within milliseconds).
     */
    static final Duration CLUSTER_REPAIR_GRACE = Duration.ofSeconds(3);

    private final Path root;
    private final @Nullable DataSource dataSource;
    private final String node;
    private final boolean rebuildInBackground;
    private final RetrievalBackend backend;
    private final Map<String, ClusterIndexWriter> clusterWriters = new ConcurrentHashMap<>();
    /** On a search cluster: per knowledge base behind the record, the change its index holds and since when. */
    private final Map<String, long[]> clusterBehind = new ConcurrentHashMap<>();
    private final Map<String, KnowledgeBase> open = new ConcurrentHashMap<>();
    private final Map<String, PostgresKnowledgeRecord> records = new ConcurrentHashMap<>();
    private final Map<String, RebuildProgress> rebuilding = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> catchUpLocks = new ConcurrentHashMap<>();
    private final Map<EmbeddingModel, OnnxEmbedder> embedders = new EnumMap<>(EmbeddingModel.class);
    private final Map<String, List<EmbeddingModel>> passageModels = new HashMap<>();
    /** Why a knowledge base could not be opened the last time it was tried (a corrupt index), by name. */
    private final Map<String, String> problems = new ConcurrentHashMap<>(); // read by health without the lock
    /** Why an open knowledge base could not apply the record's next changes at the last follow round, by name. */
    private final Map<String, String> stalled = new ConcurrentHashMap<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kb-rebuild").daemon().factory());
    private @Nullable KnowledgeBaseFollower follower;

    /** Local knowledge bases only, in {@code <dataDir>/kb} (no database). */
    public KnowledgeBases(Path dataDir) {
        this(dataDir, null, "local", false);
    }

    /**
     * Knowledge bases recorded in the database behind {@code dataSource} (migrated to V90 or later), indexed under
     * {@code <dataDir>/kb}.
     *
     * @param node this node's name, recorded with each change
     * @param rebuildInBackground whether a rebuild runs in the background (a server; searches get
     *     {@link KnowledgeBaseRebuildingException} meanwhile) or in the caller's thread (a one-shot command)
     */
    public KnowledgeBases(Path dataDir, @Nullable DataSource dataSource, String node, boolean rebuildInBackground) {
        this(dataDir, dataSource, node, rebuildInBackground, RetrievalBackend.LOCAL);
    }

    /**
     * Knowledge bases recorded in the database, indexed on {@code backend}: local Lucene indexes under
     * {@code <dataDir>/kb}, or the collections of a search cluster (which needs the database as the record).
     *
     * @throws HallmarkException when a search cluster backend is given without a database
     */
    public KnowledgeBases(Path dataDir, @Nullable DataSource dataSource, String node, boolean rebuildInBackground,
            RetrievalBackend backend) {
        if (backend.kind() != RetrievalBackend.Kind.LOCAL && dataSource == null) {
            throw new HallmarkException(RetrievalBackend.KEY + "=" + backend.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " needs the database as the knowledge bases' record; use retrieval-backend=local offline");
        }
        this.root = dataDir.resolve("kb");
        this.dataSource = dataSource;
        this.node = node;
        this.rebuildInBackground = rebuildInBackground;
        this.backend = backend;
    }

    /** Whether the indexes are a search cluster's collections shared by every node (not this node's Lucene). */
    private boolean onCluster() {
        return backend.kind() != RetrievalBackend.Kind.LOCAL;
    }

    /**
     * Starts following the database's change log: notifications on {@link PostgresKnowledgeRecord#CHANNEL}, and a
     * poll every {@code poll} as a fallback; each round also opens knowledge bases this node has not opened yet
     * (rebuilding them) and checks that each index folder is still there. Shared mode only.
     */
    public synchronized void follow(Duration poll) {
        if (dataSource == null) {
            throw new IllegalStateException("Local knowledge bases follow no database");
        }
        if (follower == null) {
            follower = KnowledgeBaseFollower.start(this, dataSource, poll);
        }
    }

    /** Whether PostgreSQL is the record (shared mode). */
    public boolean shared() {
        return dataSource != null;
    }

    /** The folder of a knowledge base; the name must match {@link #NAME}. */
    public Path folder(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid knowledge base name '" + name + "'; use 1-64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return root.resolve(name);
    }

    /** Whether the knowledge base exists (is open, is recorded in the database, or has a folder). */
    public boolean exists(String name) {
        Path folder = folder(name);
        if (open.containsKey(name) || rebuilding.containsKey(name)) {
            return true;
        }
        return (dataSource != null && PostgresKnowledgeRecord.find(dataSource, name).isPresent())
                || Files.isDirectory(folder);
    }

    /**
     * The knowledge base, opened if needed, or empty when it does not exist.
     *
     * @throws KnowledgeBaseRebuildingException while its index is being rebuilt on this node
     */
    public Optional<KnowledgeBase> find(String name) {
        return exists(name) ? Optional.of(open(name)) : Optional.empty();
    }

    /**
     * Makes the knowledge base store every chunk's embedding by {@code model} too (for the fact checker's
     * semantic verifier on that model); call before the knowledge base is first opened. Sources already ingested
     * without it get it on their next ingest.
     */
    public synchronized void storePassageVectors(String name, EmbeddingModel model) {
        folder(name);
        if (open.containsKey(name)) {
            throw new IllegalStateException("Knowledge base '" + name + "' is open already; register passage-vector "
                    + "models before its first use");
        }
        List<EmbeddingModel> models = passageModels.computeIfAbsent(name, n -> new ArrayList<>());
        if (!models.contains(model)) {
            models.add(model);
        }
    }

    /**
     * The knowledge base, opened (and created when new) if needed; in shared mode caught up with the record.
     *
     * @throws KnowledgeBaseRebuildingException while its index is being rebuilt on this node
     */
    public synchronized KnowledgeBase open(String name) {
        KnowledgeBase kb = open.get(name);
        if (kb != null && dataSource != null && lost(name)) {
            reopen(name); // throws KnowledgeBaseRebuildingException while it rebuilds in the background
            kb = open.get(name);
        }
        if (kb != null) {
            return screened(name, kb);
        }
        RebuildProgress progress = rebuilding.get(name);
        if (progress != null) {
            throw new KnowledgeBaseRebuildingException(name, progress);
        }
        Path folder = folder(name);
        try {
            if (dataSource == null) {
                kb = openIndex(folder, KnowledgeBase.storedEmbedder(folder).orElse(EmbeddingModel.ALL_MINILM_L6_V2.id()),
                        name);
                open.put(name, kb);
            } else {
                kb = openShared(name, folder, dataSource);
            }
        } catch (RetrievalException e) {
            problems.put(name, e.getMessage()); // tried again on the next use: a rebuilt folder serves at once
            throw e;
        }
        problems.remove(name);
        return screened(name, kb);
    }

    /**
     * Screens every document later ingested into any of these knowledge bases for injection with the screen
     * {@code screens} makes for a knowledge base's name (a flagged document is quarantined: see
     * {@link KnowledgeBase#screenWith}).
     */
    public synchronized void screenWith(java.util.function.Function<String, io.hallmark.retrieval.ingest.IngestScreen>
            screens) {
        this.screens = java.util.Objects.requireNonNull(screens, "screens");
        open.forEach((name, kb) -> kb.screenWith(screens.apply(name)));
    }

    private KnowledgeBase screened(String name, KnowledgeBase kb) {
        if (screens != null && !kb.screened()) {
            kb.screenWith(screens.apply(name));
        }
        return kb;
    }

    /**
     * The knowledge bases that failed to open the last time they were used (a corrupt local index), with why; health
     * reports them. A shared knowledge base moves a corrupt index aside and rebuilds it from the database instead.
     */
    public Map<String, String> problems() {
        Map<String, String> out = new TreeMap<>(stalled);
        out.putAll(problems); // never waits on open(), which may be waiting on the database
        return out;
    }

    private KnowledgeBase openShared(String name, Path folder, DataSource ds) {
        if (onCluster()) {
            return openOnCluster(name, folder, ds);
        }
        Optional<PostgresKnowledgeRecord.KbRow> row = PostgresKnowledgeRecord.find(ds, name);
        String embedder = row.map(PostgresKnowledgeRecord.KbRow::embedder).orElseGet(() ->
                storedEmbedderOrQuarantine(folder, name).orElse(EmbeddingModel.ALL_MINILM_L6_V2.id()));
        row.ifPresent(r -> checkModel(r));
        KnowledgeBase kb = openIndexOrQuarantine(folder, embedder, name);
        try {
            if (row.isEmpty()) {
                register(ds, name, embedder, kb);
            }
            PostgresKnowledgeRecord record = new PostgresKnowledgeRecord(ds, name, node, sequence -> catchUp(name));
            if (kb.appliedSequence() < 0 && kb.index().stats().chunks() > 0) {
                migrateLocal(name, kb, record);
            }
            kb.attach(record);
            records.put(name, record);
            long recorded = record.sequence();
            if (kb.appliedSequence() < 0 || kb.appliedSequence() > recorded) {
                String reason = kb.appliedSequence() < 0 ? "no index on this node"
                        : "the index is at change " + kb.appliedSequence() + ", ahead of the database's " + recorded;
                if (recorded == 0) {
                    kb.rebuild(sink -> 0L); // nothing recorded yet: an empty index at change 0
                } else if (rebuildInBackground) {
                    RebuildProgress progress = new RebuildProgress(reason);
                    rebuilding.put(name, progress);
                    rebuilds.execute(() -> rebuild(name, kb, record, progress));
                    throw new KnowledgeBaseRebuildingException(name, progress);
                } else {
                    RebuildProgress progress = new RebuildProgress(reason);
                    runRebuild(name, kb, record, progress);
                }
            }
            open.put(name, kb);
        } catch (KnowledgeBaseRebuildingException e) {
            throw e; // the rebuild owns the index now
        } catch (RuntimeException e) {
            records.remove(name);
            closeQuietly(kb);
            throw e;
        }
        catchUp(name);
        return kb;
    }

    private KnowledgeBase openOnCluster(String name, Path folder, DataSource ds) {
        Optional<PostgresKnowledgeRecord.KbRow> row = PostgresKnowledgeRecord.find(ds, name);
        String embedder = row.map(PostgresKnowledgeRecord.KbRow::embedder).orElse(EmbeddingModel.ALL_MINILM_L6_V2.id());
        row.ifPresent(this::checkModel);
        KnowledgeBase kb = openIndex(folder, embedder, name);
        try {
            if (row.isEmpty()) {
                register(ds, name, embedder, kb);
            }
            PostgresKnowledgeRecord record = new PostgresKnowledgeRecord(ds, name, node, sequence -> {
                ClusterIndexWriter writer = clusterWriters.get(name);
                if (writer != null) {
                    try {
                        writer.writeNewChanges();
                    } catch (RuntimeException e) {
                        throw new HallmarkException("Knowledge base '" + name + "': the change is recorded in the "
                                + "database (change " + sequence + "), but writing it to the search cluster failed ("
                                + e.getMessage() + "); the nodes keep reporting the version the cluster holds, and "
                                + "their followers write the missing changes once the cluster accepts writes", e);
                    }
                }
            });
            ClusterIndexWriter writer = new ClusterIndexWriter(ds, name, kb, record);
            writer.reconcile();
            kb.attach(record);
            clusterWriters.put(name, writer);
            records.put(name, record);
            open.put(name, kb);
        } catch (RuntimeException e) {
            clusterWriters.remove(name);
            records.remove(name);
            closeQuietly(kb);
            throw e;
        }
        return kb;
    }

    private void register(DataSource ds, String name, String embedder, KnowledgeBase kb) {
        EmbeddingModel model = "none".equals(embedder) ? null : EmbeddingModel.byId(embedder);
        checkModel(PostgresKnowledgeRecord.register(ds, name, embedder, model == null ? null : model.sha256(),
                model == null ? 0 : kb.embedder().map(e -> e.dimension()).orElse(0)));
    }

    private void checkModel(PostgresKnowledgeRecord.KbRow row) {
        if ("none".equals(row.embedder()) || row.embedderSha256() == null) {
            return;
        }
        String local = EmbeddingModel.byId(row.embedder()).sha256();
        if (!local.equals(row.embedderSha256())) {
            throw new HallmarkException("Knowledge base '" + row.name() + "' was embedded with model '"
                    + row.embedder() + "' of SHA-256 " + row.embedderSha256() + ", but this node's copy of that model "
                    + "has SHA-256 " + local + "; install the same model file on every node");
        }
    }

    /**
     * Copies the sources of a local index from before the record existed into the record (those it lacks). When the
     * record held nothing before, the index now holds exactly what the record does, so it is marked as applied up to
     * the new sequence and needs no rebuild.
     */
    private void migrateLocal(String name, KnowledgeBase kb, PostgresKnowledgeRecord record) {
        int[] copied = {0};
        int[] present = {0};
        long before = record.sequence();
        long sequence;
        try (RecordWrite write = record.begin()) {
            ((io.hallmark.retrieval.index.LuceneIndex) kb.index()).exportSources((sourceId, hash, chunks) -> {
                if (record.storedHash(sourceId).isPresent()) {
                    present[0]++;
                } else {
                    write.put(sourceId, hash, chunks);
                    copied[0]++;
                }
            });
            sequence = write.commit();
        }
        log.info("Knowledge base '{}': copied {} documents of this node's local index into the database ({} were there "
                + "already); the database is now at change {}", name, copied[0], present[0], sequence);
        if (before == 0 && present[0] == 0) {
            kb.apply(sequence, List.of());
        }
    }

    private void rebuild(String name, KnowledgeBase kb, PostgresKnowledgeRecord record, RebuildProgress progress) {
        try {
            runRebuild(name, kb, record, progress);
            open.put(name, kb);
            catchUp(name);
        } catch (RuntimeException e) {
            log.warn("Rebuilding knowledge base '{}' from the database failed ({}); it is retried at the next follow "
                    + "round", name, e.toString());
            records.remove(name);
            closeQuietly(kb);
        } finally {
            rebuilding.remove(name);
        }
    }

    private static void runRebuild(String name, KnowledgeBase kb, PostgresKnowledgeRecord record,
            RebuildProgress progress) {
        log.info("Knowledge base '{}': rebuilding this node's index from the database ({})", name, progress.describe());
        long start = System.nanoTime();
        kb.rebuild(sink -> record.snapshot(progress::total, put -> {
            sink.accept(put);
            if (progress.advance() % 1000 == 0) {
                log.info("Knowledge base '{}': rebuilding, {}", name, progress.describe());
            }
        }));
        log.info("Knowledge base '{}': rebuilt {} documents at change {} in {} ms", name, progress.done(),
                kb.appliedSequence(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Applies the record's changes this node's index has not applied yet; returns the sequence applied. A no-op for a
     * knowledge base that is not open (or being rebuilt) here. On a search cluster this node writes nothing here (the
     * ingesting node did): it takes the record's newest change as the version its searches report.
     */
    public long catchUp(String name) {
        KnowledgeBase kb = open.get(name);
        PostgresKnowledgeRecord record = records.get(name);
        if (kb == null || record == null) {
            return -1;
        }
        if (onCluster()) {
            long written = catchUpOnCluster(name);
            if (written > kb.appliedSequence()) {
                kb.apply(written, List.of());
            }
            return kb.appliedSequence();
        }
        ReentrantLock lock = catchUpLocks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            while (record.changesAfter(kb.appliedSequence(), CHANGE_BATCH, kb::apply) > 0) {
                // the next batch
            }
            return kb.appliedSequence();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The newest change the cluster index of {@code name} holds (what this node's searches report). When the record is
     * ahead of it for {@link #CLUSTER_REPAIR_GRACE} (the node that ingested died or could not write the cluster) and
     * no writer is at work, this node writes the missing changes.
     */
    private long catchUpOnCluster(String name) {
        ClusterIndexWriter writer = clusterWriters.get(name);
        PostgresKnowledgeRecord record = records.get(name);
        if (writer == null || record == null) {
            return -1;
        }
        long written = writer.written();
        if (record.sequence() <= written) {
            clusterBehind.remove(name);
            return written;
        }
        long now = System.nanoTime();
        long[] since = clusterBehind.compute(name, (n, seen) -> seen == null || seen[0] != written
                ? new long[] {written, now} : seen);
        if (now - since[1] >= CLUSTER_REPAIR_GRACE.toNanos()) {
            long after = writer.repairIfIdle();
            if (after != written) {
                clusterBehind.remove(name);
            }
            return after;
        }
        return written;
    }

    /**
     * One follow round: opens recorded knowledge bases not open here (a fresh node rebuilds them), reopens (and so
     * rebuilds) one whose index folder is gone, and catches every open one up.
     */
    void followRound() {
        if (dataSource == null) {
            return;
        }
        java.util.Set<String> names = new java.util.TreeSet<>(PostgresKnowledgeRecord.names(dataSource));
        if (!onCluster()) {
            names.addAll(localFolders()); // local indexes from before the record are copied into it when opened
        }
        for (String name : names) {
            if (!open.containsKey(name) && !rebuilding.containsKey(name)) {
                try {
                    open(name);
                } catch (KnowledgeBaseRebuildingException e) {
                    // started; searches get 503 until it is done
                } catch (RuntimeException e) {
                    log.warn("Cannot open knowledge base '{}' to follow it: {}", name, e.getMessage());
                }
            }
        }
        for (String name : List.copyOf(open.keySet())) {
            if (lost(name)) {
                try {
                    reopen(name);
                } catch (KnowledgeBaseRebuildingException e) {
                    // started; searches get 503 until it is done
                } catch (RuntimeException e) {
                    log.warn("Cannot reopen knowledge base '{}': {}", name, e.getMessage());
                }
            } else {
                catchUpOrReport(name);
            }
        }
    }

    /**
     * Catches one knowledge base up for the follower. A change this node cannot apply (a record row it cannot read,
     * an index write that fails) stops only that knowledge base, at the change before it: it is neither skipped nor
     * allowed to hold up the other knowledge bases, is logged once, reported by {@link #problems()} (health:
     * DEGRADED) and tried again at every round.
     */
    private void catchUpOrReport(String name) {
        try {
            catchUp(name);
            if (stalled.remove(name) != null) {
                log.info("Knowledge base '{}': following the database again, at change {}", name,
                        Optional.ofNullable(open.get(name)).map(KnowledgeBase::appliedSequence).orElse(-1L));
            }
        } catch (RuntimeException e) {
            KnowledgeBase kb = open.get(name);
            String why = "cannot apply the database's changes after change "
                    + (kb == null ? "?" : String.valueOf(kb.appliedSequence())) + " (" + e.getMessage()
                    + "); this node's index stays there and retries at every follow round";
            if (!why.equals(stalled.put(name, why))) {
                log.warn("Knowledge base '{}': {}", name, why);
            }
        }
    }

    private List<String> localFolders() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).toList();
        } catch (IOException e) {
            log.warn("Cannot list the knowledge-base folders in {}: {}", root, e.getMessage());
            return List.of();
        }
    }

    /** Whether the index folder of an open knowledge base was deleted under it (Lucene's lock file is gone). */
    private boolean lost(String name) {
        return !onCluster() && !Files.exists(folder(name).resolve("write.lock"));
    }

    /** Closes a knowledge base whose index was lost and opens it again, which rebuilds it. */
    private synchronized void reopen(String name) {
        KnowledgeBase kb = open.remove(name);
        records.remove(name);
        if (kb != null) {
            log.warn("Knowledge base '{}': this node's index folder {} is gone; rebuilding it from the database", name,
                    folder(name));
            closeQuietly(kb);
        }
        open(name);
    }

    /** Per knowledge base open here: its state and the change it has applied, for the health endpoint. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new TreeMap<>();
        open.forEach((name, kb) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("state", "READY");
            view.put("appliedChange", kb.appliedSequence());
            out.put(name, view);
        });
        rebuilding.forEach((name, progress) -> out.put(name, progress.view()));
        return out;
    }

    /** The knowledge bases being rebuilt on this node now, with their progress. */
    public Map<String, RebuildProgress> rebuilding() {
        return Map.copyOf(rebuilding);
    }

    private Optional<String> storedEmbedderOrQuarantine(Path folder, String name) {
        try {
            return KnowledgeBase.storedEmbedder(folder);
        } catch (RetrievalException e) {
            quarantine(folder, name, e);
            return Optional.empty();
        }
    }

    private KnowledgeBase openIndexOrQuarantine(Path folder, String embedder, String name) {
        try {
            return openIndex(folder, embedder, name);
        } catch (RetrievalException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw e;
            }
            quarantine(folder, name, e);
            return openIndex(folder, embedder, name);
        }
    }

    /** Moves an unreadable index aside (under {@code kb/.damaged}), so that it is rebuilt from the database. */
    private void quarantine(Path folder, String name, RuntimeException cause) {
        Path target = root.resolve(".damaged").resolve(name + "-" + System.currentTimeMillis());
        log.warn("Knowledge base '{}': this node's index cannot be read ({}); moving it to {} and rebuilding from the "
                + "database", name, cause.getMessage(), target);
        try {
            Files.createDirectories(target.getParent());
            Files.move(folder, target);
        } catch (IOException e) {
            throw new HallmarkException("Cannot move the damaged index of knowledge base '" + name + "' at " + folder
                    + " aside: " + e.getMessage(), e);
        }
    }

    private KnowledgeBase openIndex(Path folder, String embedder, String name) {
        return backend.open(name, folder, KnowledgeBaseOptions.DEFAULT,
                "none".equals(embedder) ? null : embedder(EmbeddingModel.byId(embedder)),
                passageModelsOf(name).stream().map(this::embedder).toList());
    }

    private synchronized List<EmbeddingModel> passageModelsOf(String name) {
        return List.copyOf(passageModels.getOrDefault(name, List.of()));
    }

    /** A shared embedder of the model, loaded on first use. */
    public synchronized OnnxEmbedder embedder(EmbeddingModel model) {
        return embedders.computeIfAbsent(model, m -> new OnnxEmbedder(m, OnnxEmbedder.defaultThreads(), 64));
    }

    private static void closeQuietly(KnowledgeBase kb) {
        try {
            kb.close();
        } catch (RuntimeException e) {
            log.debug("Closing a knowledge base index: {}", e.toString());
        }
    }

    @Override
    public void close() {
        KnowledgeBaseFollower f;
        synchronized (this) {
            f = follower;
            follower = null;
        }
        if (f != null) {
            f.close();
        }
        rebuilds.shutdownNow();
        synchronized (this) {
            open.values().forEach(KnowledgeBases::closeQuietly);
            open.clear();
            records.clear();
            clusterWriters.clear();
            embedders.values().forEach(OnnxEmbedder::close);
            embedders.clear();
        }
    }
}
