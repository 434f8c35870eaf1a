package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditExporter;
import io.hallmark.core.audit.AuditTrail;
import io.hallmark.core.audit.Checkpoints;
import io.hallmark.core.audit.DateRange;
import io.hallmark.core.content.ContentPage;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.AuditEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hibernate.query.SelectionQuery;

/**
 * The audit trail for auditors: {@code GET /api/v1/audit/events} (filters {@code type} (a prefix), {@code actor},
 * {@code subject}, {@code from}, {@code to}; pages), {@code GET /api/v1/audit/verify}, {@code GET
 * /api/v1/audit/checkpoints[/latest]}, {@code POST /api/v1/audit/exports} (a bundle written under
 * {@code <data-dir>/exports}), {@code GET /api/v1/audit/exports} and {@code GET /api/v1/audit/exports/{id}/zip}.
 */
final class AuditRoutes {

    private static final Pattern EXPORT_ID = Pattern.compile("export-\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final AuditTrail trail;
    private final Path exports;

    AuditRoutes(Database db, AuditTrail trail, Path exports) {
        this.db = db;
        this.trail = trail;
        this.exports = exports;
    }

    void register(RoutesConfig routes) {
        Allowed[] auditors = {Allowed.AUDITOR, Allowed.ADMIN};
        routes.get("/api/v1/audit/events", this::events, auditors);
        routes.get("/api/v1/audit/verify", ctx -> {
            String from = ctx.queryParam("fromCheckpoint");
            Long checkpoint = from == null || from.isBlank() ? null : (long) Params.intParam(ctx, "fromCheckpoint", 1, 1,
                    Integer.MAX_VALUE);
            ctx.json(trail.verifier().verify(checkpoint));
        }, auditors);
        routes.get("/api/v1/audit/checkpoints", ctx -> {
            List<Checkpoints.Stored> all = new ArrayList<>(trail.checkpoints().all());
            all.sort(Comparator.comparingLong(Checkpoints.Stored::number).reversed());
            int page = Params.page(ctx);
            int size = Params.size(ctx);
            List<Map<String, Object>> items = all.stream().skip((long) (page - 1) * size).limit(size)
                    .map(AuditRoutes::checkpoint).toList();
            ctx.json(new ContentPage<>(items, page, size, all.size()));
        }, auditors);
        routes.get("/api/v1/audit/checkpoints/latest", ctx -> ctx.json(checkpoint(trail.checkpoints().latest()
                .orElseThrow(() -> new NotFoundException("checkpoint", "latest", "No checkpoint signed yet; "
                        + "the server signs one periodically, or run 'hallmark audit checkpoint'")))), auditors);
        routes.post("/api/v1/audit/exports", this::export, auditors);
        routes.get("/api/v1/audit/exports", ctx -> ctx.json(Map.of("items", listExports())), auditors);
        routes.get("/api/v1/audit/exports/{id}/zip", this::zip, auditors);
    }

    private void events(Context ctx) {
        int page = Params.page(ctx);
        int size = Params.size(ctx);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        String type = Params.text(ctx, "type", 64);
        if (type != null) {
            where.append(" and e.eventType like :type escape '!'");
            params.put("type", type.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        String actor = Params.text(ctx, "actor", 128);
        if (actor != null) {
            where.append(" and e.actor = :actor");
            params.put("actor", actor);
        }
        String subject = Params.text(ctx, "subject", 256);
        if (subject != null) {
            where.append(" and e.subject = :subject");
            params.put("subject", subject);
        }
        Instant from = DateRange.optional("from", ctx.queryParam("from"), false);
        if (from != null) {
            where.append(" and e.eventTime >= :from");
            params.put("from", from);
        }
        Instant to = DateRange.optional("to", ctx.queryParam("to"), true);
        if (to != null) {
            where.append(" and e.eventTime < :to");
            params.put("to", to);
        }
        ctx.json(db.inTransaction(s -> {
            SelectionQuery<Long> count = s.createSelectionQuery("select count(e) from AuditEvent e" + where, Long.class);
            params.forEach(count::setParameter);
            SelectionQuery<AuditEvent> rows = s.createSelectionQuery("from AuditEvent e" + where + " order by e.seq desc",
                    AuditEvent.class);
            params.forEach(rows::setParameter);
            List<Map<String, Object>> items = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList()
                    .stream().map(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("seq", e.seq());
                        m.put("time", e.eventTime());
                        m.put("actor", e.actor());
                        m.put("type", e.eventType());
                        m.put("subject", e.subject());
                        m.put("payload", e.payload());
                        m.put("payloadSha256", e.payloadSha256());
                        return m;
                    }).toList();
            return new ContentPage<>(items, page, size, count.getSingleResult());
        }));
    }

    private static Map<String, Object> checkpoint(Checkpoints.Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", s.number());
        m.put("origin", s.checkpoint().origin());
        m.put("treeSize", s.checkpoint().treeSize());
        m.put("rootHash", s.checkpoint().rootHashHex());
        m.put("time", s.checkpoint().time());
        m.put("note", s.checkpoint().note());
        return m;
    }

    private void export(Context ctx) {
        JsonNode body = Json.body(ctx);
        DateRange range = DateRange.parse(Json.requiredText(body, "from", 40), Json.requiredText(body, "to", 40),
                "from", "to");
        Instant from = range.from();
        Instant to = range.to();
        String decision = body.hasNonNull("decision") ? Json.requiredText(body, "decision", 32).toUpperCase(Locale.ROOT) : null;
        String plugin = body.hasNonNull("plugin") ? Json.requiredText(body, "plugin", 128) : null;
        String id = "export-" + STAMP.format(Instant.now()) + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        AuditExporter.Result r = trail.exporter().export(new AuditExporter.Request(from, to, decision, plugin,
                exports.resolve(id), AccessFilter.actor(ctx)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("folder", r.dir().toString());
        out.put("events", r.events());
        out.put("items", r.items());
        out.put("policies", r.policies());
        out.put("checkpointNumber", r.checkpointNumber());
        out.put("treeSize", r.treeSize());
        out.put("rootHash", r.rootHash());
        out.put("bundleSha256", r.bundleSha256());
        out.put("auditSeq", r.auditSeq());
        out.put("download", "/api/v1/audit/exports/" + id + "/zip");
        ctx.status(201).header("Location", "/api/v1/audit/exports/" + id + "/zip").json(out);
    }

    private List<Map<String, Object>> listExports() throws IOException {
        if (!Files.isDirectory(exports)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(exports)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> EXPORT_ID.matcher(n).matches()).sorted(Comparator.reverseOrder()).limit(200)
                    .map(n -> Map.<String, Object>of("id", n, "download", "/api/v1/audit/exports/" + n + "/zip")).toList();
        }
    }

    private void zip(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Path dir = EXPORT_ID.matcher(id).matches() ? exports.resolve(id) : null;
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NotFoundException("export", id, "No export '" + id + "'; GET /api/v1/audit/exports lists them");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + id + ".zip\"");
        try (OutputStream raw = ctx.outputStream(); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(id + "/" + dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
