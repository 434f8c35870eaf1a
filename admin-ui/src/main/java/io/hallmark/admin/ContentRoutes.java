package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.content.ContentCatalog;
import io.hallmark.core.content.ContentFilter;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.provenance.ProvenanceManifest;
import io.hallmark.core.provenance.ProvenanceMarker;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Kept content and the review queue: {@code GET /api/v1/content} (filters {@code status, modality, plugin, q,
 * from, to}; pages {@code page, size}), {@code GET /api/v1/content/{id}} (report, provenance, audit events),
 * {@code GET /api/v1/content/{id}/artifact} (download; PNG, JPEG and MP4 artifacts are served marked with their
 * provenance: XMP, C2PA Content Credentials and, in PNG and MP4, Hallmark's signed manifest, stating the item's
 * generator, model, parameters and current governance decision), {@code GET /api/v1/review} and
 * {@code POST /api/v1/review/{id}/approve|reject|edit} with {@code {"comment", "text"}}.
 */
final class ContentRoutes {

    /** The media types served with embedded marks. */
    private static final Set<String> MARKED_TYPES = Set.of("image/png", "image/jpeg", "video/mp4");

    private final ContentCatalog catalog;
    private final BlobStore blobs;
    private final ProvenanceMarker marker;

    ContentRoutes(ContentCatalog catalog, BlobStore blobs, ProvenanceMarker marker) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.marker = marker;
    }

    void register(RoutesConfig routes) {
        Allowed[] readers = {Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR};
        Allowed[] reviewers = {Allowed.REVIEWER, Allowed.ADMIN};
        routes.get("/api/v1/content", this::list, readers);
        routes.get("/api/v1/content/{id}", ctx -> ctx.json(catalog.detail(Params.uuid(ctx, "id"))), readers);
        routes.get("/api/v1/content/{id}/artifact", this::artifact, readers);
        routes.get("/api/v1/review", ctx -> ctx.json(catalog.reviewQueue(Params.page(ctx), Params.size(ctx))), reviewers);
        for (ContentCatalog.ReviewAction action : ContentCatalog.ReviewAction.values()) {
            String verb = action.name().toLowerCase(java.util.Locale.ROOT);
            routes.post("/api/v1/review/{id}/" + verb, ctx -> review(ctx, action), reviewers);
        }
    }

    private void list(Context ctx) {
        ContentFilter filter = new ContentFilter(Params.enumParam(ctx, "status", ContentStatus.class),
                Params.enumParam(ctx, "modality", Modality.class), Params.text(ctx, "plugin", 128),
                Params.text(ctx, "q", 500), io.hallmark.core.audit.DateRange.optional("from", ctx.queryParam("from"), false),
                io.hallmark.core.audit.DateRange.optional("to", ctx.queryParam("to"), true));
        ctx.json(catalog.search(filter, Params.page(ctx), Params.size(ctx)));
    }

    private void artifact(Context ctx) throws java.io.IOException {
        UUID id = Params.uuid(ctx, "id");
        ContentItem item = catalog.item(id);
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
        ctx.header("Cache-Control", "private, max-age=300");
        if (item.artifactSha256() == null) {
            String text = item.textBody() == null ? "" : item.textBody();
            ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".txt\"");
            ctx.contentType("text/plain; charset=utf-8").result(text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        InputStream in = blobs.open(item.artifactSha256()).orElseThrow(() -> new NotFoundException("artifact",
                item.artifactSha256(), "The artifact " + item.artifactSha256() + " of content " + id
                        + " is missing from the blob store"));
        String type = item.artifactMediaType() == null ? "application/octet-stream" : item.artifactMediaType();
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + extension(type) + "\"");
        if (MARKED_TYPES.contains(type)) {
            byte[] bytes;
            try (in) {
                bytes = in.readAllBytes();
            }
            byte[] marked = marker.marked(bytes, manifest(item), type).bytes();
            ctx.header("Content-Length", Integer.toString(marked.length));
            ctx.contentType(type).result(marked);
            return;
        }
        if (item.artifactSize() != null) {
            ctx.header("Content-Length", Long.toString(item.artifactSize()));
        }
        ctx.contentType(type).result(in);
    }

    /** Hallmark's statement about the item, as {@code hallmark generate --out} writes it. */
    private ProvenanceManifest manifest(ContentItem item) {
        Map<String, Object> detail = catalog.detail(item.id());
        String decision = detail.get("report") instanceof Map<?, ?> report
                && report.get("decision") instanceof Map<?, ?> d && d.get("action") != null ? d.get("action").toString()
                : null;
        Map<?, ?> provenance = (Map<?, ?>) detail.get("provenance");
        Object policy = provenance.get("policyId");
        String policyVersion = policy == null ? null : policy + "@" + provenance.get("policySha256");
        return new ProvenanceManifest("0".repeat(64), item.artifactMediaType(),
                item.pluginId() == null ? "unknown" : item.pluginId(),
                item.pluginVersion() == null ? "?" : item.pluginVersion(), null, item.modelId(), item.modelSha256(),
                item.parameters(), item.seed(), decision, policyVersion, item.createdAt(), item.id().toString());
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "video/mp4" -> ".mp4";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }

    private void review(Context ctx, ContentCatalog.ReviewAction action) {
        UUID id = Params.uuid(ctx, "id");
        JsonNode body = ctx.body().isBlank() ? null : Json.body(ctx);
        String comment = body == null ? null
                : Json.optionalText(body, "comment", io.hallmark.api.input.FieldLimits.SHORT_TEXT);
        String text = body == null ? null : Json.optionalText(body, "text", io.hallmark.api.input.FieldLimits.TEXT);
        ctx.json(catalog.review(id, action, comment, text, AccessFilter.actor(ctx)));
    }
}
