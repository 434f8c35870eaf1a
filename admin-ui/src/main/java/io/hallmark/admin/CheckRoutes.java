package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.policy.ContentChecks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/checks}: runs the whole governance stage and a policy on given content without generating or
 * storing it. Body {@code {"text", "prompt"?, "modality"? (TEXT), "channel"? (default), "policy"? (a draft policy's
 * YAML or JSON text; default the one in force)}}; the answer holds the action, the deciding and fired rules, the
 * policy's name and version hash, every score and each assessor's findings. {@code POST /api/v1/checks/replay/{id}}
 * re-runs governance on a stored item with its recorded policy version and compares ({@code hallmark check
 * --replay}).
 */
final class CheckRoutes {

    private static final int MAX_POLICY_CHARS = 256 * 1024;

    private final ContentChecks checks;
    private final io.hallmark.core.policy.DecisionReplay replays;

    CheckRoutes(ContentChecks checks, io.hallmark.core.policy.DecisionReplay replays) {
        this.checks = checks;
        this.replays = replays;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/checks", this::check, Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR);
        routes.post("/api/v1/checks/replay/{id}", ctx -> ctx.json(replays.replay(Params.uuid(ctx, "id"))),
                Allowed.OPERATOR, Allowed.ADMIN, Allowed.REVIEWER, Allowed.AUDITOR);
    }

    private void check(Context ctx) {
        JsonNode body = Json.body(ctx);
        String text = Json.requiredText(body, "text", ContentChecks.MAX_TEXT_CHARS);
        String prompt = Json.optionalText(body, "prompt", io.hallmark.api.GenerationRequest.MAX_PROMPT_CHARS);
        String modality = Json.optionalText(body, "modality", 16);
        String channel = Json.optionalText(body, "channel", 64);
        String policy = Json.optionalText(body, "policy", MAX_POLICY_CHARS);
        var contentType = GenerationRoutes.contentType(Json.optionalText(body, "contentType", 16), "contentType");
        ctx.json(checks.check(new ContentChecks.Request(modality == null ? Modality.TEXT : Modality.parse(modality),
                channel == null ? "default" : channel, prompt == null ? "" : prompt, text,
                contentType == null ? io.hallmark.governance.policy.ContentType.GENERAL : contentType), policy));
    }
}
