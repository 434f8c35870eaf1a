package io.hallmark.admin;

import io.hallmark.core.db.Database;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.model.GpuProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer metrics in Prometheus format ({@code GET /metrics}): HTTP request latency (p50/p95/p99 per route),
 * throughput and errors, generation latency (from the jobs every node finishes, read from the database), queue
 * depth, governance decisions, model and JVM memory. {@link #refresh()} reads the database figures; the alert evaluator
 * calls it periodically.
 */
final class Metrics {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    private static final String START = "hallmark.metrics.start";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database db;
    private final Counter requests;
    private final Counter errors;
    private final Map<String, AtomicLong> decisions = new ConcurrentHashMap<>();
    private final AtomicLong queueDepth = new AtomicLong();
    private final GpuProbe gpus;
    private volatile Instant generationsSeenUntil = Instant.now();

    Metrics(Database db, JobQueue jobs, java.util.function.Supplier<Map<String, Object>> modelStatus) {
        this.db = db;
        Gauge.builder("hallmark.models.weight.bytes", modelStatus, m -> number(m.get().get("nativeWeightBytes")))
                .description("Weights of the models the host has loaded").baseUnit("bytes").register(registry);
        Gauge.builder("hallmark.models.loaded", modelStatus, m -> m.get().get("loaded") instanceof java.util.List<?> l
                ? l.size() : 0).description("Models the host has loaded").register(registry);
        Gauge.builder("hallmark.process.rss.bytes", modelStatus, m -> number(m.get().get("processRssBytes")))
                .description("Resident memory of the process (JVM, native engines, models)").baseUnit("bytes")
                .register(registry);
        GpuProbe gpus = new GpuProbe();
        Gauge.builder("hallmark.gpu.utilisation.percent", gpus, g -> g.busiest().map(GpuProbe.GpuReading::utilisation)
                .orElse(Double.NaN)).description("The busiest GPU's utilisation (NaN without a GPU)").register(registry);
        Gauge.builder("hallmark.gpu.memory.used.bytes", gpus, g -> g.read().stream()
                .mapToLong(GpuProbe.GpuReading::memoryUsedBytes).sum()).description("GPU memory in use, all GPUs")
                .baseUnit("bytes").register(registry);
        Gauge.builder("hallmark.gpu.memory.total.bytes", gpus, g -> g.read().stream()
                .mapToLong(GpuProbe.GpuReading::memoryTotalBytes).sum()).description("GPU memory, all GPUs")
                .baseUnit("bytes").register(registry);
        this.gpus = gpus;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        requests = Counter.builder("hallmark.http.requests.total").description("HTTP requests answered").register(registry);
        errors = Counter.builder("hallmark.http.errors.total").description("HTTP requests answered with a 5xx status")
                .register(registry);
        Gauge.builder("hallmark.jobs.queue.depth", queueDepth, AtomicLong::get)
                .description("Generation jobs queued or running (all queues)").register(registry);
        // this node's own submits, finishes, cancels and dead letters update the depth at once; the periodic refresh
        // brings in other nodes' changes
        jobs.onDepthChange(() -> queueDepth.set(jobs.totalDepth()));
    }

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        int status = ctx.statusCode();
        io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "other" : endpoint.path;
        Timer.builder("hallmark.http.server.requests").description("HTTP request latency")
                .tag("method", ctx.method().name()).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram(false)
                .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        requests.increment();
        if (status >= 500) {
            errors.increment();
        }
    }

    /** Reads what the database knows: finished generations since the last call, decisions, queue depth. */
    void refresh() {
        try (Connection c = db.dataSource().getConnection()) {
            Instant from = generationsSeenUntil;
            Instant latest = from;
            try (PreparedStatement q = c.prepareStatement("select state, finished_at, "
                    + "extract(epoch from (finished_at - created_at)) from generation_jobs "
                    + "where finished_at > ? order by finished_at limit 10000")) {
                q.setTimestamp(1, Timestamp.from(from));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Timer.builder("hallmark.generation.duration").description("Generation latency, queued to finished")
                                .tag("state", rs.getString(1)).publishPercentiles(0.5, 0.95, 0.99).register(registry)
                                .record(Duration.ofMillis(Math.round(rs.getDouble(3) * 1000)));
                        Instant at = rs.getTimestamp(2).toInstant();
                        if (at.isAfter(latest)) {
                            latest = at;
                        }
                    }
                }
            }
            generationsSeenUntil = latest;
            try (PreparedStatement q = c.prepareStatement("select coalesce(decision, 'NONE'), count(*) from governance_reports "
                    + "group by 1"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String decision = rs.getString(1);
                    decisions.computeIfAbsent(decision, d -> {
                        AtomicLong n = new AtomicLong();
                        FunctionCounter.builder("hallmark.governance.decisions", n, AtomicLong::get)
                                .description("Governance decisions taken (all nodes)").tag("decision", d).register(registry);
                        return n;
                    }).set(rs.getLong(2));
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "select count(*) from generation_jobs where state in ('QUEUED', 'RUNNING')"); ResultSet rs = q.executeQuery()) {
                rs.next();
                queueDepth.set(rs.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Cannot refresh metrics from the database: {}", e.getMessage());
        }
    }

    /** The highest p95 of any route's request latency, in seconds, or {@code null} before any request. */
    @Nullable Double httpP95Seconds() {
        double worst = -1;
        for (Timer t : registry.find("hallmark.http.server.requests").timers()) {
            if ("other".equals(t.getId().getTag("route"))) {
                continue;
            }
            for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
                if (v.percentile() == 0.95) {
                    worst = Math.max(worst, v.value(java.util.concurrent.TimeUnit.SECONDS));
                }
            }
        }
        return worst < 0 ? null : worst;
    }

    double requestsTotal() {
        return requests.count();
    }

    double errorsTotal() {
        return errors.count();
    }

    long queueDepth() {
        return queueDepth.get();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    String scrape() {
        return registry.scrape();
    }

    /** The fullest GPU's memory share (0..1), or {@code null} on a machine without a GPU. */
    @org.jspecify.annotations.Nullable Double gpuMemoryRatio() {
        return gpus.read().stream().map(GpuProbe.GpuReading::memoryRatio).max(Double::compare).orElse(null);
    }
}
