package io.hallmark.admin;

import io.hallmark.core.db.Database;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.model.GpuProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer metrics in Prometheus format ({@code GET /metrics}): HTTP request latency (histogram buckets per route,
 * so nodes aggregate),
 * throughput and errors, generation latency (from the jobs every node finishes, read from the database), queue
 * depth, governance decisions, model and JVM memory (with the GPU memory of each model loaded on a GPU,
 * {@link ModelGpuMemoryGauges}). {@link #refresh()} reads the database figures; the alert evaluator
 * calls it periodically.
 */
final class Metrics {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    private static final String START = "hallmark.metrics.start";
    /** Request latency buckets, 5 ms to 30 s (cumulative {@code le} buckets in the scrape). */
    static final Duration[] HTTP_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    /** Other timers' buckets (the JVM's GC pauses), 1 ms to 10 s, in nanoseconds as Micrometer keeps them. */
    private static final double[] JVM_BUCKETS_NANOS = {1e6, 5e6, 1e7, 5e7, 1e8, 5e8, 1e9, 5e9, 1e10};
    /** Generation latency buckets, queued to finished: 100 ms to 30 min. */
    static final Duration[] GENERATION_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database db;
    private final Counter requests;
    private final Counter errors;
    private final Map<String, AtomicLong> decisions = new ConcurrentHashMap<>();
    private final AtomicLong queueDepth = new AtomicLong();
    private final GpuProbe gpus;
    private final ModelGpuMemoryGauges modelGpuMemory;
    private volatile Instant generationsSeenUntil = Instant.now();

    Metrics(Database db, JobQueue jobs, java.util.function.Supplier<Map<String, Object>> modelStatus) {
        this.db = db;
        lintClean(registry);
        // the supplier is a method reference nobody else holds: a weakly referenced gauge would read NaN once it
        // is collected, so these gauges keep it strongly
        Gauge.builder("hallmark.models.weight", modelStatus, m -> number(m.get().get("nativeWeightBytes")))
                .description("Weights of the models the host has loaded").baseUnit("bytes").strongReference(true)
                .register(registry);
        Gauge.builder("hallmark.models.loaded", modelStatus, m -> m.get().get("loaded") instanceof java.util.List<?> l
                ? l.size() : 0).description("Models the host has loaded").strongReference(true).register(registry);
        Gauge.builder("hallmark.process.resident.memory", modelStatus, m -> number(m.get().get("processRssBytes")))
                .description("Resident memory of the process (JVM, native engines, models)").baseUnit("bytes")
                .strongReference(true).register(registry);
        this.modelGpuMemory = new ModelGpuMemoryGauges(registry, modelStatus);
        this.gpus = new GpuProbe();
        registerGpus(gpus);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        requests = Counter.builder("hallmark.http.requests").description("HTTP requests answered").register(registry);
        errors = Counter.builder("hallmark.http.errors").description("HTTP requests answered with a 5xx status")
                .register(registry);
        Gauge.builder("hallmark.jobs.queue.depth", queueDepth, AtomicLong::get)
                .description("Generation jobs queued or running (all queues)").strongReference(true).register(registry);
        // this node's own submits, finishes, cancels and dead letters update the depth at once; the periodic refresh
        // brings in other nodes' changes
        jobs.onDepthChange(() -> queueDepth.set(jobs.totalDepth()));
    }

    /** The knowledge bases this node is rebuilding from PostgreSQL, and the documents those rebuilds have left. */
    void knowledgeBases(io.hallmark.core.kb.KnowledgeBases knowledgeBases) {
        Gauge.builder("hallmark.knowledge.bases.rebuilding", knowledgeBases, k -> k.rebuilding().size())
                .description("Knowledge bases this node is rebuilding from PostgreSQL (they answer 503 meanwhile)")
                .strongReference(true).register(registry);
        Gauge.builder("hallmark.knowledge.rebuild.pending.documents", knowledgeBases, k -> k.rebuilding().values().stream()
                        .mapToLong(p -> p.total() < 0 ? 0 : Math.max(0, p.total() - p.done())).sum())
                .description("Documents the knowledge-base rebuilds on this node have still to write")
                .strongReference(true).register(registry);
    }

    /**
     * Keeps the scrape clean under {@code promtool check metrics}: every timer (the JVM's GC pauses too) is a
     * histogram with buckets rather than a summary, Micrometer's {@code process.cpu.time} in nanoseconds gives way
     * to Prometheus' standard {@code process_cpu_seconds_total}, and {@code system.cpu.count} (a gauge, not a
     * histogram's count) is named {@code system_cpu_processors}.
     */
    private static void lintClean(PrometheusMeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
            }

            @Override
            public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || config.getServiceLevelObjectiveBoundaries() != null) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(JVM_BUCKETS_NANOS).build()
                        .merge(config);
            }
        });
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the process used").register(registry);
        }
    }

    /**
     * One series per GPU present at start-up, tagged with its index and name; a machine without a GPU has none
     * (absent, not NaN). Utilisation is a ratio 0..1, as Prometheus' base units ask.
     */
    private void registerGpus(GpuProbe probe) {
        for (GpuProbe.GpuReading gpu : probe.read()) {
            String index = Integer.toString(gpu.index());
            Gauge.builder("hallmark.gpu.utilization", probe, g -> reading(g, gpu.index()).utilisation() / 100.0)
                    .description("The GPU's utilisation, 0..1").baseUnit("ratio").tag("gpu", index)
                    .tag("name", gpu.name()).strongReference(true).register(registry);
            Gauge.builder("hallmark.gpu.memory.used", probe, g -> reading(g, gpu.index()).memoryUsedBytes())
                    .description("GPU memory in use").baseUnit("bytes").tag("gpu", index).tag("name", gpu.name())
                    .strongReference(true).register(registry);
            Gauge.builder("hallmark.gpu.memory.total", probe, g -> reading(g, gpu.index()).memoryTotalBytes())
                    .description("GPU memory").baseUnit("bytes").tag("gpu", index).tag("name", gpu.name())
                    .strongReference(true).register(registry);
        }
    }

    /** The GPU's latest reading, or an idle empty one when the driver no longer answers for it. */
    private static GpuProbe.GpuReading reading(GpuProbe probe, int index) {
        return probe.read().stream().filter(r -> r.index() == index).findFirst()
                .orElse(new GpuProbe.GpuReading(index, "", 0, 0, 0));
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
                .serviceLevelObjectives(HTTP_BUCKETS).register(registry).record(Duration.ofNanos(System.nanoTime() - start));
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
                                .tag("state", rs.getString(1)).serviceLevelObjectives(GENERATION_BUCKETS)
                                .register(registry)
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

    /**
     * The highest p95 of any route's request latency, in seconds, or {@code null} before any request: the upper
     * bound of the histogram bucket holding the 95th percentile (what {@code histogram_quantile} would bound it by).
     */
    @Nullable Double httpP95Seconds() {
        double worst = -1;
        for (Timer t : registry.find("hallmark.http.server.requests").timers()) {
            if ("other".equals(t.getId().getTag("route"))) {
                continue;
            }
            HistogramSnapshot snapshot = t.takeSnapshot();
            if (snapshot.count() == 0) {
                continue;
            }
            double rank = 0.95 * snapshot.count();
            double bound = snapshot.max(TimeUnit.SECONDS);
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                if (bucket.count() >= rank) {
                    bound = Math.min(bound, bucket.bucket(TimeUnit.SECONDS));
                    break;
                }
            }
            worst = Math.max(worst, bound);
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

    private static Duration[] seconds(double... bounds) {
        return java.util.Arrays.stream(bounds).mapToObj(b -> Duration.ofNanos(Math.round(b * 1e9)))
                .toArray(Duration[]::new);
    }

    /** A figure from the model runtime's status, 0 when it has none (a gauge never reads NaN). */
    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    String scrape() {
        modelGpuMemory.refresh();
        return registry.scrape();
    }

    /** The fullest GPU's memory share (0..1), or {@code null} on a machine without a GPU. */
    @Nullable Double gpuMemoryRatio() {
        return gpus.read().stream().map(GpuProbe.GpuReading::memoryRatio).max(Double::compare).orElse(null);
    }
}
