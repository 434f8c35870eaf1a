package io.hallmark.admin;

import io.hallmark.core.Platform;
import io.hallmark.core.PlatformHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/v1/health}: 200 with every subsystem's state when all are up, 503 otherwise. */
final class HealthRoutes {

    private final Platform platform;

    HealthRoutes(Platform platform) {
        this.platform = platform;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/health", this::health, Allowed.PUBLIC);
    }

    private void health(Context ctx) {
        PlatformHealth health = platform.health();
        ctx.header("Cache-Control", "no-store");
        ctx.status(health.up() ? 200 : 503).json(health);
    }
}
