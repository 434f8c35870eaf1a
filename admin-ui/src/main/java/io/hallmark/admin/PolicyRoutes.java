package io.hallmark.admin;

import io.hallmark.core.policy.PolicyService;
import io.hallmark.governance.policy.Policy;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Governance policies: {@code GET /api/v1/policies} (every version), {@code GET /api/v1/policies/{name}} (the active
 * one), {@code POST /api/v1/policies/validate}, {@code POST /api/v1/policies/dry-run?limit=N} and
 * {@code POST /api/v1/policies} (store and activate). Bodies are the policy text (YAML or JSON).
 */
final class PolicyRoutes {

    private static final int MAX_POLICY_CHARS = 256 * 1024;

    private final PolicyService policies;

    PolicyRoutes(PolicyService policies) {
        this.policies = policies;
    }

    void register(RoutesConfig routes) {
        Allowed[] readers = {Allowed.ADMIN, Allowed.AUDITOR, Allowed.REVIEWER, Allowed.OPERATOR};
        routes.get("/api/v1/policies", ctx -> ctx.json(Map.of("items", policies.list())), readers);
        routes.get("/api/v1/policies/{name}", ctx -> ctx.json(policies.active(ctx.pathParam("name"))), readers);
        routes.post("/api/v1/policies/validate", ctx -> {
            Policy p = policies.validate(body(ctx));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", true);
            result.put("name", p.name());
            result.put("sha256", p.sha256());
            result.put("rules", p.rules().stream().map(r -> Map.of("id", r.id(), "action", r.action().name(),
                    "when", r.when().toString())).toList());
            ctx.json(result);
        }, Allowed.ADMIN, Allowed.AUDITOR);
        routes.post("/api/v1/policies/dry-run", ctx -> {
            int limit = ctx.queryParam("limit") == null ? 500 : Math.min(10_000, Math.max(1,
                    Integer.parseInt(ctx.queryParam("limit"))));
            ctx.json(Map.of("changes", policies.dryRun(body(ctx), limit)));
        }, Allowed.ADMIN, Allowed.AUDITOR);
        routes.post("/api/v1/policies", ctx -> ctx.status(201).json(policies.apply(body(ctx), AccessFilter.actor(ctx))),
                Allowed.ADMIN);
    }

    private static String body(io.javalin.http.Context ctx) {
        return InputBoundary.text(ctx, "policy", MAX_POLICY_CHARS);
    }
}
