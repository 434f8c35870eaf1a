package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.kb.KnowledgeBases;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.JsonLinesReader;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge-base REST API over {@code <data-dir>/kb/<name>} ({@code ?kb=NAME}, default {@code default}):
 *
 * <ul>
 *   <li>{@code POST /api/v1/kb/documents}: a record {@code {id, text, title?, metadata?}} or
 *       {@code {"documents": [...]}}; 200 with the ingest counts; 400 naming each bad record; with
 *       {@code ?async=true} 202 at once with an ingestion to watch
 *   <li>{@code GET /api/v1/kb/ingestions/{id}}: a background ingestion's state and progress
 *   <li>{@code GET /api/v1/kb/search?q=...&mode=hybrid&k=5&source=ID&meta=KEY:VALUE}: 200 with the hits
 *   <li>{@code DELETE /api/v1/kb/documents/{id}}: 204, or 404 naming the id
 *   <li>{@code GET /api/v1/kb/stats}: 200 with counts and settings
 * </ul>
 *
 * The platform's {@link KnowledgeBases} owns the open knowledge bases (shared with the fact checker) and holds
 * them until the server stops, so the CLI's {@code kb} commands find them in use.
 */
final class KbRoutes implements AutoCloseable {

    private static final int MAX_DOCUMENTS = 10_000;

    private final KnowledgeBases knowledgeBases;
    private final KbIngestions ingestions = new KbIngestions();

    KbRoutes(KnowledgeBases knowledgeBases) {
        this.knowledgeBases = knowledgeBases;
    }

    void register(RoutesConfig routes) {
        Allowed[] writers = {Allowed.OPERATOR, Allowed.ADMIN};
        Allowed[] readers = {Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR};
        routes.post("/api/v1/kb/documents", badRequests(this::ingest), writers);
        routes.get("/api/v1/kb/search", badRequests(this::search), readers);
        routes.delete("/api/v1/kb/documents/{id}", badRequests(this::delete), writers);
        routes.get("/api/v1/kb/ingestions/{id}", badRequests(this::ingestion), writers);
        routes.get("/api/v1/kb/stats", badRequests(ctx -> ctx.json(kb(ctx, false).stats())), readers);
    }

    /** Invalid requests become 400 problem documents with the module's message. */
    private static Handler badRequests(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (io.hallmark.api.InvalidRequestException e) {
                HttpServer.problem(ctx, ErrorMapping.toApiError(e));
            } catch (InvalidRetrievalRequestException | IllegalArgumentException e) {
                HttpServer.problem(ctx, ApiError.of(400, "invalid-request", "Invalid request", e.getMessage()));
            }
        };
    }

    private void ingest(Context ctx) {
        JsonNode body = InputBoundary.documents(ctx); // their text is cleaned by the ingestion, which reports it
        List<JsonNode> records = new ArrayList<>();
        if (body != null && body.has("documents") && body.get("documents").isArray()) {
            body.get("documents").forEach(records::add);
        } else if (body != null && body.isObject()) {
            records.add(body);
        }
        if (records.isEmpty() || records.size() > MAX_DOCUMENTS) {
            throw new IllegalArgumentException("Send 1 to " + MAX_DOCUMENTS + " documents, got " + records.size());
        }
        List<SourceDocument> docs = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                docs.add(JsonLinesReader.record(records.get(i)));
            } catch (JsonLinesReader.InvalidRecordException e) {
                errors.add(Map.of("field", "documents[" + i + "]", "message", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            HttpServer.problem(ctx, new ApiError("/errors/invalid-request", "Invalid request", 400,
                    errors.size() + " of " + records.size() + " documents are invalid; nothing was ingested", errors));
            return;
        }
        if ("true".equals(ctx.queryParam("async"))) {
            KbIngestions.Ingestion ingestion = ingestions.start(name(ctx), kb(ctx, true), docs);
            ctx.status(202).header("Location", "/api/v1/kb/ingestions/" + ingestion.id).json(ingestion.view());
            return;
        }
        ctx.json(counts(kb(ctx, true).ingest(docs, IngestListener.NONE)));
    }

    /** What an ingest did, as the API reports it. */
    static Map<String, Object> counts(IngestReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", r.added());
        out.put("replaced", r.replaced());
        out.put("unchanged", r.unchanged());
        out.put("chunks", r.chunks());
        out.put("skipped", r.skips());
        out.put("cleaned", r.cleaned().stream().map(c -> Map.of("source", c.source(), "removedCharacters", c.removed()))
                .toList());
        out.put("millis", r.millis());
        return out;
    }

    private void ingestion(Context ctx) {
        String id = ctx.pathParam("id");
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "' is not an ingestion id");
        }
        ingestions.find(uuid).ifPresentOrElse(i -> ctx.json(i.view()), () -> HttpServer.problem(ctx,
                new ApiError("/errors/not-found", "Not found", 404, "No ingestion " + id + " on this node (the newest "
                        + KbIngestions.KEPT + " are kept until the server restarts)", List.of())));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            throw new IllegalArgumentException("Missing query parameter 'q'; e.g. /api/v1/kb/search?q=sea+level");
        }
        SearchMode mode = parseMode(ctx.queryParam("mode"));
        int k = parseInt("k", ctx.queryParam("k"), 5);
        Map<String, String> meta = new HashMap<>();
        for (String m : ctx.queryParams("meta")) {
            int colon = m.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Invalid meta filter '" + m + "'; use meta=KEY:VALUE");
            }
            meta.put(m.substring(0, colon), m.substring(colon + 1));
        }
        SearchRequest request = new SearchRequest(q, mode, k, new SearchFilter(Set.copyOf(ctx.queryParams("source")), meta),
                FusionWeights.DEFAULT);
        ctx.json(Map.of("query", q, "mode", mode.name().toLowerCase(Locale.ROOT), "k", k,
                "hits", kb(ctx, false).search(request)));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (kb(ctx, false).delete(id)) {
            ctx.status(204);
        } else {
            HttpServer.problem(ctx, new ApiError("/errors/not-found", "Not found", 404,
                    "No document '" + id + "' in knowledge base '" + name(ctx) + "'", List.of(Map.of("field", "id", "message", id))));
        }
    }

    private static SearchMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SearchMode.HYBRID;
        }
        try {
            return SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid mode '" + mode + "'; use bm25, vector or hybrid");
        }
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "'; expected a whole number");
        }
    }

    private String name(Context ctx) {
        String name = ctx.queryParam("kb");
        name = name == null || name.isBlank() ? "default" : name.strip();
        knowledgeBases.folder(name); // validates the name
        return name;
    }

    private KnowledgeBase kb(Context ctx, boolean create) {
        String name = name(ctx);
        if (!create && !knowledgeBases.exists(name)) {
            throw new IllegalArgumentException("No knowledge base '" + name + "'; POST documents to "
                    + "/api/v1/kb/documents?kb=" + name + " to create it");
        }
        return knowledgeBases.open(name);
    }

    /** Stops background ingestions; the platform's {@link KnowledgeBases} closes the knowledge bases. */
    @Override
    public void close() {
        ingestions.close();
    }
}
