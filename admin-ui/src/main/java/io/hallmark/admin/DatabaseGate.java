package io.hallmark.admin;

import io.hallmark.core.db.DatabaseMonitor;
import io.javalin.http.Context;

/**
 * Fails API requests fast while the database is away: 503 with {@code Retry-After} at once, instead of each request
 * waiting for the pool's connection timeout. Health stays reachable (it reports the database DOWN), and so do the
 * console's static files.
 */
final class DatabaseGate {

    private final DatabaseMonitor monitor;

    DatabaseGate(DatabaseMonitor monitor) {
        this.monitor = monitor;
    }

    void check(Context ctx) {
        String path = ctx.path();
        if ((path.startsWith("/api/") || path.startsWith("/v1/")) && !path.equals("/api/v1/health")) {
            monitor.requireUp();
        }
    }
}
