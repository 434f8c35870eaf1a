package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.persistence.BiasProbeRecord;
import io.hallmark.core.probe.BiasProbes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Counterfactual bias probes of stored texts over {@link BiasProbes}:
 *
 * <ul>
 *   <li>{@code POST /api/v1/content/{id}/probes} with an optional {@code {"perTerm": 1-5, "bias": true}}: 202 at once
 *       with the probe ({@code RUNNING}) and its {@code Location}; 404 for an unknown item, 400 for an image, a video
 *       or an item without its seed, 409 when the item's plugin no longer generates or the bias scorer is missing
 *   <li>{@code GET /api/v1/probes/{id}}: the probe's state, progress ({@code variantsDone} of {@code variantsTotal})
 *       and, once {@code DONE}, per swap the continuation and its text and bias-score change
 *   <li>{@code GET /api/v1/content/{id}/probes}: the item's probes, newest first (the latest {@value #LISTED})
 * </ul>
 */
final class ProbeRoutes {

    static final int LISTED = 20;

    private final BiasProbes probes;

    ProbeRoutes(BiasProbes probes) {
        this.probes = probes;
    }

    void register(RoutesConfig routes) {
        Allowed[] readers = {Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR};
        routes.post("/api/v1/content/{id}/probes", this::start, Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER);
        routes.get("/api/v1/content/{id}/probes", ctx -> ctx.json(Map.of("items", probes.forItem(Params.uuid(ctx, "id"),
                LISTED).stream().map(ProbeRoutes::view).toList())), readers);
        routes.get("/api/v1/probes/{id}", this::one, readers);
    }

    private void start(Context ctx) {
        UUID item = Params.uuid(ctx, "id");
        JsonNode body = ctx.body().isBlank() ? null : Json.body(ctx);
        int perTerm = body != null && body.has("perTerm") ? Json.intIn(body, "perTerm", 1, BiasProbes.MAX_PER_TERM) : 3;
        boolean bias = true;
        if (body != null && body.has("bias")) {
            if (!body.get("bias").isBoolean()) {
                throw InvalidRequestException.of("bias", "Field 'bias' must be true (score each continuation's bias) "
                        + "or false (measure the text change only)");
            }
            bias = body.get("bias").asBoolean();
        }
        BiasProbeRecord probe = probes.start(item, new BiasProbes.Request(perTerm, bias), AccessFilter.actor(ctx));
        ctx.status(202).header("Location", "/api/v1/probes/" + probe.id()).json(view(probe));
    }

    private void one(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        ctx.json(view(probes.find(id).orElseThrow(() -> new NotFoundException("bias probe", id.toString(),
                "No bias probe " + id))));
    }

    static Map<String, Object> view(BiasProbeRecord p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("contentItemId", p.contentItemId());
        out.put("state", p.state());
        out.put("perTerm", p.perTerm());
        out.put("bias", p.withBias());
        out.put("variantsDone", p.variantsDone());
        out.put("variantsTotal", p.variantsTotal());
        out.put("requestedBy", p.requestedBy());
        out.put("node", p.node());
        out.put("createdAt", p.createdAt());
        out.put("finishedAt", p.finishedAt());
        out.put("error", p.error());
        out.put("result", p.result());
        return out;
    }
}
