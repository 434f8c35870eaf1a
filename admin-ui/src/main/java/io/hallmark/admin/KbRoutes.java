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
 *   <li>{@code POST /api/v1/kb/files?name=FILE.EXT}: one file as the body ({@code .txt}, {@code .md}, {@code .html},
 *       {@code .pdf}, {@code .jsonl}), read by the same readers as {@code hallmark kb ingest}; 202 with an ingestion
 *       to watch and the rows or parts skipped with why; 400 when nothing in the file is usable, naming each reason
 *   <li>{@code GET /api/v1/kb/documents?page=1&size=50}: the documents, in id order (empty when the knowledge base
 *       does not exist yet)
 *   <li>{@code GET /api/v1/kb/ingestions}: this node's recent ingestions, newest first
 *   <li>{@code GET /api/v1/kb/ingestions/{id}}: a background ingestion's state and progress
 *   <li>{@code GET /api/v1/kb/search?q=...&mode=hybrid&k=5&source=ID&meta=KEY:VALUE}: 200 with the hits and the
 *       knowledge-base version they were read from ({@code kbVersion}, {@code kbSequence})
 *   <li>{@code DELETE /api/v1/kb/documents/{id}}: 204, or 404 naming the id
 *   <li>{@code GET /api/v1/kb/stats}: 200 with counts and settings; {@code "exists": false} before the first document
 * </ul>
 *
 * The platform's {@link KnowledgeBases} owns the open knowledge bases (shared with the fact checker) and holds
 * them until the server stops, so the CLI's {@code kb} commands find them in use.
 */
final class KbRoutes implements AutoCloseable {

    private static final int MAX_DOCUMENTS = 10_000;

    private final KnowledgeBases knowledgeBases;
    private final KbIngestions ingestions;

    KbRoutes(KnowledgeBases knowledgeBases) {
        this(knowledgeBases, new KbIngestions());
    }

    KbRoutes(KnowledgeBases knowledgeBases, KbIngestions ingestions) {
        this.knowledgeBases = knowledgeBases;
        this.ingestions = ingestions;
    }

    void register(RoutesConfig routes) {
        Allowed[] writers = {Allowed.OPERATOR, Allowed.ADMIN};
        Allowed[] readers = {Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR};
        routes.post("/api/v1/kb/documents", badRequests(this::ingest), writers);
        routes.get("/api/v1/kb/search", badRequests(this::search), readers);
        routes.delete("/api/v1/kb/documents/{id}", badRequests(this::delete), writers);
        routes.post("/api/v1/kb/files", badRequests(this::ingestFile), writers);
        routes.get("/api/v1/kb/documents", badRequests(this::documents), readers);
        routes.get("/api/v1/kb/ingestions", ctx -> ctx.json(Map.of("items",
                ingestions.recent(20).stream().map(KbIngestions.Ingestion::view).toList())), readers);
        routes.get("/api/v1/kb/ingestions/{id}", badRequests(this::ingestion), writers);
        routes.get("/api/v1/kb/stats", badRequests(this::stats), readers);
    }

    /** Invalid requests become 400 problem documents with the module's message. */
    private static Handler badRequests(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (io.hallmark.api.InvalidRequestException | RequestTooLargeException e) {
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
        long characters = docs.stream().mapToLong(KbRoutes::characters).sum();
        if (characters > SYNC_MAX_CHARACTERS) {
            throw new RequestTooLargeException("A synchronous ingest takes at most " + SYNC_MAX_CHARACTERS
                    + " characters of text, so that it answers in seconds; these " + docs.size() + " documents have "
                    + characters + ". Send them with ?async=true: the answer is 202 at once, and "
                    + "/api/v1/kb/ingestions/{id} reports the progress");
        }
        ctx.json(counts(kb(ctx, true).ingest(docs, IngestListener.NONE)));
    }

    /**
     * The most text, in characters, a synchronous {@code POST /api/v1/kb/documents} embeds while the request waits:
     * {@value} (seconds of embedding on two cores; the issue measured 292 s for 1 MB on a loaded machine). More is
     * refused with 413 naming {@code ?async=true}.
     */
    static final long SYNC_MAX_CHARACTERS = 64 * 1024;

    private static long characters(SourceDocument doc) {
        return doc.title().length() + doc.sections().stream().mapToLong(s -> s.text().length()
                + (s.heading() == null ? 0 : s.heading().length())).sum();
    }

    /** The largest file {@code POST /api/v1/kb/files} takes (the server's request limit is 16 MiB). */
    static final long MAX_FILE_BYTES = 15L * 1024 * 1024;
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[^/\\\\:*?\"<>|\\x00-\\x1f]{1,200}");

    /**
     * One uploaded file, read by the readers {@code hallmark kb ingest} uses (chosen by the file's extension). The
     * file lands in a private temporary folder only while it is read.
     */
    private void ingestFile(Context ctx) throws java.io.IOException {
        String fileName = ctx.queryParam("name");
        if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
            throw new IllegalArgumentException("Name the file with ?name=FILE.EXT (1-200 characters, no path, not "
                    + "hidden), e.g. ?name=sea-level.md; got " + (fileName == null ? "none" : "'" + fileName + "'"));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_FILE_BYTES) {
            throw new RequestTooLargeException("'" + fileName + "' has " + bytes.length + " bytes; the limit is "
                    + MAX_FILE_BYTES + " (use 'hallmark kb ingest' for larger files)");
        }
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("hallmark-kb-upload");
        io.hallmark.retrieval.ingest.LoadResult loaded;
        try {
            java.nio.file.Path file = folder.resolve(fileName);
            java.nio.file.Files.write(file, bytes);
            loaded = new io.hallmark.retrieval.ingest.DocumentLoader(MAX_FILE_BYTES).load(file);
        } finally {
            try (var files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
            java.nio.file.Files.deleteIfExists(folder);
        }
        List<Map<String, Object>> skipped = loaded.skips().stream().map(KbRoutes::skip).toList();
        if (loaded.documents().isEmpty()) {
            HttpServer.problem(ctx, new ApiError("/errors/invalid-request", "Invalid request", 400,
                    "Nothing in '" + fileName + "' can be ingested: " + (loaded.skips().isEmpty() ? "no text"
                            : loaded.skips().getFirst().reason()),
                    loaded.skips().stream().map(k -> Map.of("field", k.line() > 0 ? fileName + ":" + k.line() : fileName,
                            "message", k.reason())).toList()));
            return;
        }
        KbIngestions.Ingestion ingestion = ingestions.start(name(ctx), kb(ctx, true), loaded.documents());
        Map<String, Object> out = new LinkedHashMap<>(ingestion.view());
        out.put("file", fileName);
        out.put("skipped", skipped);
        ctx.status(202).header("Location", "/api/v1/kb/ingestions/" + ingestion.id).json(out);
    }

    private static Map<String, Object> skip(io.hallmark.retrieval.ingest.Skip skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", skip.source());
        out.put("line", skip.line());
        out.put("reason", skip.reason());
        return out;
    }

    private void documents(Context ctx) {
        int page = Math.max(1, parseInt("page", ctx.queryParam("page"), 1));
        int size = Math.min(500, Math.max(1, parseInt("size", ctx.queryParam("size"), 50)));
        String name = name(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kb", name);
        out.put("exists", knowledgeBases.exists(name));
        out.put("page", page);
        out.put("size", size);
        out.put("items", knowledgeBases.exists(name) ? kb(ctx, false).sources((page - 1) * size, size) : List.of());
        ctx.json(out);
    }

    private void stats(Context ctx) {
        String name = name(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kb", name);
        out.put("exists", knowledgeBases.exists(name));
        if (knowledgeBases.exists(name)) {
            out.put("stats", kb(ctx, false).stats());
        }
        ctx.json(out);
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
        out.put("quarantined", r.quarantined().stream().map(io.hallmark.retrieval.ingest.Quarantine::asMap).toList());
        if (r.unscreened() != null) {
            out.put("unscreened", r.unscreened());
        }
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
        io.hallmark.retrieval.search.VersionedHits found = kb(ctx, false).searchVersioned(request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("mode", mode.name().toLowerCase(Locale.ROOT));
        out.put("k", k);
        out.put("kbVersion", found.version());
        out.put("kbSequence", found.sequence());
        out.put("hits", found.hits());
        ctx.json(out);
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
