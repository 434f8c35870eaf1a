package io.hallmark.admin;

import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.ScreenUnavailableException;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base ingestions that run in the background so a client can watch their progress
 * ({@code POST /api/v1/kb/documents?async=true}, then {@code GET /api/v1/kb/ingestions/{id}}). The documents land in
 * PostgreSQL, which every node follows, but the ingestion runs on this node, so it is tracked here, in memory: the newest
 * {@value #KEPT} are kept, and one that is running when the server stops is lost with the documents it had not
 * written yet (the knowledge base itself stays consistent; ingest again, unchanged documents are skipped).
 *
 * <p>While the knowledge base cannot screen documents for injection (the safety model is not ready: a server trains
 * it in the background at first start) an ingestion is not refused but <b>held</b>: it stays {@code RUNNING} with
 * {@code waiting} saying why, nothing of it is written, and it is tried again every {@link #retryEvery} until the
 * screen runs, then screened and ingested as usual; after {@link #waitAtMost} it fails with the reason. The documents
 * are held in this node's memory meanwhile, so a server stopped before the screen runs loses them as it loses a
 * running ingestion (the ingestion says so; send them again).
 */
final class KbIngestions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KbIngestions.class);
    static final int KEPT = 100;

    /** One ingestion as clients see it. */
    static final class Ingestion {
        final UUID id = UUID.randomUUID();
        final String knowledgeBase;
        final Instant startedAt = Instant.now();
        volatile String state = "RUNNING";
        volatile int documentsDone;
        volatile int documentsTotal;
        volatile long chunks;
        volatile @Nullable IngestReport report;
        volatile @Nullable String error;
        /** Why the ingestion is held, while it waits for the injection screen; {@code null} otherwise. */
        volatile @Nullable String waiting;
        volatile @Nullable Instant finishedAt;

        Ingestion(String knowledgeBase, int documentsTotal) {
            this.knowledgeBase = knowledgeBase;
            this.documentsTotal = documentsTotal;
        }

        Map<String, Object> view() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("kb", knowledgeBase);
            out.put("state", state);
            out.put("documentsDone", documentsDone);
            out.put("documentsTotal", documentsTotal);
            out.put("chunks", chunks);
            out.put("startedAt", startedAt);
            out.put("finishedAt", finishedAt);
            String held = waiting;
            if (held != null) {
                out.put("waiting", held);
            }
            IngestReport r = report;
            if (r != null) {
                out.put("result", KbRoutes.counts(r));
            }
            out.put("error", error);
            return out;
        }
    }

    private final Map<UUID, Ingestion> ingestions = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kb-ingest").daemon().factory());
    private final Duration retryEvery;
    private final Duration waitAtMost;

    /** Held ingestions retry every 10 seconds for up to an hour (a first start trains the models in minutes). */
    KbIngestions() {
        this(Duration.ofSeconds(10), Duration.ofHours(1));
    }

    KbIngestions(Duration retryEvery, Duration waitAtMost) {
        this.retryEvery = retryEvery;
        this.waitAtMost = waitAtMost;
    }

    /** Starts ingesting in the background (one ingestion at a time per node) and returns its tracker. */
    Ingestion start(String name, KnowledgeBase kb, List<SourceDocument> documents) {
        Ingestion ingestion = new Ingestion(name, documents.size());
        ingestions.put(ingestion.id, ingestion);
        forgetOld();
        runner.execute(() -> {
            try {
                IngestReport report = ingestWhenTheScreenRuns(ingestion, kb, documents);
                ingestion.report = report;
                ingestion.documentsDone = documents.size();
                ingestion.chunks = report.chunks();
                ingestion.state = "DONE";
            } catch (RuntimeException e) {
                log.warn("Knowledge-base ingestion {} into '{}' failed: {}", ingestion.id, name, e.toString());
                ingestion.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ingestion.state = "FAILED";
            } finally {
                ingestion.finishedAt = Instant.now();
            }
        });
        return ingestion;
    }

    /**
     * Ingests, holding the documents while the knowledge base's injection screen cannot run (tried again every
     * {@link #retryEvery}, for at most {@link #waitAtMost}).
     */
    private IngestReport ingestWhenTheScreenRuns(Ingestion ingestion, KnowledgeBase kb,
            List<SourceDocument> documents) {
        Instant giveUp = Instant.now().plus(waitAtMost);
        while (true) {
            try {
                IngestReport report = kb.ingest(documents, (done, total, chunks) -> {
                    ingestion.waiting = null;
                    ingestion.documentsDone = done;
                    ingestion.documentsTotal = total;
                    ingestion.chunks = chunks;
                });
                ingestion.waiting = null;
                return report;
            } catch (ScreenUnavailableException e) {
                if (!Instant.now().isBefore(giveUp)) {
                    throw e;
                }
                if (ingestion.waiting == null) {
                    log.info("Knowledge-base ingestion {} into '{}' is held until documents can be screened: {}",
                            ingestion.id, ingestion.knowledgeBase, e.reason());
                }
                ingestion.waiting = "Held, nothing written yet: the documents cannot be screened for prompt injection ("
                        + e.reason() + "). They are ingested as soon as the screen runs (tried every "
                        + retryEvery.toSeconds() + " s, until " + giveUp + ")";
                try {
                    Thread.sleep(retryEvery);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    throw new ScreenUnavailableException(e.documents(), e.reason() + "; the server stopped while "
                            + "the documents were held");
                }
            }
        }
    }

    /** The newest ingestions on this node, newest first. */
    List<Ingestion> recent(int limit) {
        return ingestions.values().stream()
                .sorted(java.util.Comparator.comparing((Ingestion i) -> i.startedAt).reversed())
                .limit(limit).toList();
    }

    /** The ingestion with that id on this node, if it is still kept. */
    java.util.Optional<Ingestion> find(UUID id) {
        return java.util.Optional.ofNullable(ingestions.get(id));
    }

    private void forgetOld() {
        if (ingestions.size() <= KEPT) {
            return;
        }
        ingestions.values().stream().filter(i -> i.finishedAt != null)
                .sorted(java.util.Comparator.comparing((Ingestion i) -> i.startedAt))
                .limit(ingestions.size() - KEPT)
                .forEach(i -> ingestions.remove(i.id));
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
