package io.hallmark.admin;

import io.hallmark.core.content.ContentCatalog;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.plugin.PluginHost;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard?window=24h&bucket=hour}: generations over time by status, decisions, governance
 * scores over time, a factuality histogram, the review queue and job queue depths, plugin health and alert rules.
 */
final class DashboardRoutes {

    private final ContentCatalog catalog;
    private final JobQueue jobs;
    private final PluginHost plugins;
    private final java.util.function.Supplier<java.util.List<Map<String, Object>>> alerts;
    private final java.util.function.Supplier<Map<String, Object>> models;
    private final java.util.function.Supplier<Map<String, Object>> governanceModels;

    /**
     * @param governanceModels the governance models' training status (which are ready, which still train and how
     *     far; their checks report UNAVAILABLE until ready)
     */
    DashboardRoutes(ContentCatalog catalog, JobQueue jobs, PluginHost plugins,
            java.util.function.Supplier<java.util.List<Map<String, Object>>> alerts,
            java.util.function.Supplier<Map<String, Object>> models,
            java.util.function.Supplier<Map<String, Object>> governanceModels) {
        this.alerts = alerts;
        this.models = models;
        this.governanceModels = governanceModels;
        this.catalog = catalog;
        this.jobs = jobs;
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/dashboard", this::dashboard, Allowed.ADMIN, Allowed.OPERATOR, Allowed.REVIEWER,
                Allowed.AUDITOR);
    }

    private void dashboard(Context ctx) {
        Duration window = ContentCatalog.window(ctx.queryParam("window"), Duration.ofHours(24));
        Map<String, Object> out = new LinkedHashMap<>(catalog.stats(Instant.now().minus(window),
                ContentCatalog.Bucket.parse(ctx.queryParam("bucket"))));
        out.put("queueDepth", jobs.depth());
        out.put("plugins", plugins.list().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("state", p.state());
            m.put("circuit", p.circuit());
            m.put("inFlight", p.inFlight());
            m.put("failure", p.failure());
            return m;
        }).toList());
        Runtime rt = Runtime.getRuntime();
        out.put("memory", Map.of("heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapMaxBytes", rt.maxMemory()));
        out.put("alerts", alerts.get());
        out.put("models", models.get());
        out.put("governanceModels", governanceModels.get());
        ctx.header("Cache-Control", "no-store").json(out);
    }
}
