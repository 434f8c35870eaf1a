package io.hallmark.admin;

import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
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

    /** Starts ingesting in the background (one ingestion at a time per node) and returns its tracker. */
    Ingestion start(String name, KnowledgeBase kb, List<SourceDocument> documents) {
        Ingestion ingestion = new Ingestion(name, documents.size());
        ingestions.put(ingestion.id, ingestion);
        forgetOld();
        runner.execute(() -> {
            try {
                IngestReport report = kb.ingest(documents, (done, total, chunks) -> {
                    ingestion.documentsDone = done;
                    ingestion.documentsTotal = total;
                    ingestion.chunks = chunks;
                });
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
