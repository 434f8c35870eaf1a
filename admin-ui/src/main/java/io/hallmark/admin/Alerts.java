package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert rules an administrator sets ({@code GET/POST /api/v1/alerts}, {@code DELETE /api/v1/alerts/{id}}) over a few
 * platform metrics; evaluated every interval, and each change between firing and resolved is recorded in the audit
 * log ({@code alert.firing}, {@code alert.resolved}). Also serves {@code GET /metrics}.
 */
final class Alerts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    /** The metrics a rule may watch, with what each means. */
    static final Map<String, String> METRICS = Map.of(
            "http.p95.seconds", "the worst route's 95th-percentile request latency, in seconds",
            "http.error.rate", "the share of requests answered with a 5xx status since the last evaluation",
            "claims.refuted.rate", "the share of governance reports of the last hour with a refuted claim",
            "queue.depth", "generation jobs queued or running",
            "heap.used.ratio", "the share of the maximum heap in use",
            "gpu.memory.used.ratio", "the fullest GPU's share of its memory in use (never fires without a GPU)");
    private static final Set<String> OPERATORS = Set.of(">", ">=", "<", "<=");

    private final Database db;
    private final AuditLog audit;
    private final Metrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alert-rules").daemon(true).factory());
    private double lastRequests;
    private double lastErrors;

    Alerts(Database db, AuditLog audit, Metrics metrics, Duration every) {
        this.db = db;
        this.audit = audit;
        this.metrics = metrics;
        timer.scheduleWithFixedDelay(this::evaluateQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                Allowed.ADMIN, Allowed.OPERATOR, Allowed.AUDITOR);
        routes.get("/api/v1/alerts", ctx -> ctx.json(Map.of("items", list(), "metrics", METRICS)), Allowed.ADMIN,
                Allowed.OPERATOR, Allowed.REVIEWER, Allowed.AUDITOR);
        routes.post("/api/v1/alerts", this::create, Allowed.ADMIN);
        routes.delete("/api/v1/alerts/{id}", this::delete, Allowed.ADMIN);
    }

    private void create(Context ctx) {
        JsonNode body = Json.body(ctx);
        String name = Json.requiredText(body, "name", 128);
        String metric = Json.requiredText(body, "metric", 64);
        if (!METRICS.containsKey(metric)) {
            throw InvalidRequestException.of("metric", "Unknown metric '" + metric + "'; valid: " + METRICS.keySet());
        }
        String operator = Json.requiredText(body, "operator", 2);
        if (!OPERATORS.contains(operator)) {
            throw InvalidRequestException.of("operator", "Unknown operator '" + operator + "'; valid: " + OPERATORS);
        }
        JsonNode threshold = body.get("threshold");
        if (threshold == null || !threshold.isNumber() || !Double.isFinite(threshold.asDouble())) {
            throw InvalidRequestException.of("threshold", "Field 'threshold' must be a number");
        }
        UUID id = UUID.randomUUID();
        sql(c -> {
            try (PreparedStatement q = c.prepareStatement("insert into alert_rules (id, name, metric, operator, threshold, "
                    + "created_by, created_at) values (?, ?, ?, ?, ?, ?, now()) on conflict (name) do nothing")) {
                q.setObject(1, id);
                q.setString(2, name);
                q.setString(3, metric);
                q.setString(4, operator);
                q.setDouble(5, threshold.asDouble());
                q.setString(6, AccessFilter.actor(ctx));
                if (q.executeUpdate() == 0) {
                    throw InvalidRequestException.of("name", "An alert rule named '" + name + "' exists already");
                }
            }
            return null;
        });
        audit.append(AccessFilter.actor(ctx), "alert.rule.created", id.toString(), Map.of("name", name, "metric", metric,
                "operator", operator, "threshold", threshold.asDouble()));
        evaluate();
        ctx.status(201).json(list().stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow());
    }

    private void delete(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        int deleted = sql(c -> {
            try (PreparedStatement q = c.prepareStatement("delete from alert_rules where id = ?")) {
                q.setObject(1, id);
                return q.executeUpdate();
            }
        });
        if (deleted == 0) {
            throw new NotFoundException("alert rule", id.toString(), "No alert rule " + id);
        }
        audit.append(AccessFilter.actor(ctx), "alert.rule.deleted", id.toString(), Map.of());
        ctx.status(204);
    }

    /** Every rule with its last value and state. */
    List<Map<String, Object>> list() {
        return sql(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select id, name, metric, operator, threshold, firing, last_value, "
                    + "changed_at, evaluated_at, created_by from alert_rules order by name"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getObject(1, UUID.class));
                    m.put("name", rs.getString(2));
                    m.put("metric", rs.getString(3));
                    m.put("operator", rs.getString(4));
                    m.put("threshold", rs.getDouble(5));
                    m.put("firing", rs.getBoolean(6));
                    double v = rs.getDouble(7);
                    m.put("value", rs.wasNull() ? null : v);
                    m.put("changedAt", instant(rs.getTimestamp(8)));
                    m.put("evaluatedAt", instant(rs.getTimestamp(9)));
                    m.put("createdBy", rs.getString(10));
                    out.add(m);
                }
            }
            return out;
        });
    }

    private void evaluateQuietly() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Alert evaluation failed: {}", e.getMessage());
        }
    }

    /** Refreshes the metrics, evaluates every rule, and audits each rule that starts or stops firing. */
    synchronized void evaluate() {
        metrics.refresh();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("http.p95.seconds", metrics.httpP95Seconds());
        double requests = metrics.requestsTotal() - lastRequests;
        double errors = metrics.errorsTotal() - lastErrors;
        lastRequests = metrics.requestsTotal();
        lastErrors = metrics.errorsTotal();
        values.put("http.error.rate", requests > 0 ? errors / requests : 0.0);
        values.put("queue.depth", (double) metrics.queueDepth());
        Runtime rt = Runtime.getRuntime();
        values.put("heap.used.ratio", (double) (rt.totalMemory() - rt.freeMemory()) / rt.maxMemory());
        values.put("claims.refuted.rate", refutedRate());
        values.put("gpu.memory.used.ratio", metrics.gpuMemoryRatio());
        for (Map<String, Object> rule : list()) {
            Double value = values.get((String) rule.get("metric"));
            boolean firing = value != null && compare(value, (String) rule.get("operator"), (Double) rule.get("threshold"));
            boolean changed = sql(c -> {
                try (PreparedStatement q = c.prepareStatement("update alert_rules set last_value = ?, evaluated_at = now(), "
                        + "firing = ?, changed_at = case when firing <> ? then now() else changed_at end where id = ? "
                        + "returning (changed_at = evaluated_at)")) {
                    if (value == null) {
                        q.setNull(1, java.sql.Types.DOUBLE);
                    } else {
                        q.setDouble(1, value);
                    }
                    q.setBoolean(2, firing);
                    q.setBoolean(3, firing);
                    q.setObject(4, rule.get("id"));
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            });
            if (changed) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("name", rule.get("name"));
                payload.put("metric", rule.get("metric"));
                payload.put("operator", rule.get("operator"));
                payload.put("threshold", rule.get("threshold"));
                payload.put("value", value);
                audit.append("system", firing ? "alert.firing" : "alert.resolved", rule.get("id").toString(), payload);
            }
        }
    }

    private @Nullable Double refutedRate() {
        return sql(c -> {
            try (PreparedStatement q = c.prepareStatement("select avg(case when (report -> 'scores' ->> 'claims.refuted')"
                    + "::double precision >= 1 then 1.0 else 0.0 end) from governance_reports where created_at >= ? "
                    + "and jsonb_typeof(report -> 'scores' -> 'claims.refuted') = 'number'")) {
                q.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    double v = rs.getDouble(1);
                    return rs.wasNull() ? null : v;
                }
            }
        });
    }

    private static boolean compare(double value, String operator, double threshold) {
        return switch (operator) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            default -> value <= threshold;
        };
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Alert rules are unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
