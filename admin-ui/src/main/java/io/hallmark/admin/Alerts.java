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

    /** Metrics that are the same seen from every node: one state for the cluster. */
    static final Set<String> CLUSTER_METRICS = Set.of("queue.depth", "claims.refuted.rate");
    static final String CLUSTER = "cluster";
    /** A node that has not evaluated a rule for this long no longer counts (it stopped or lost the database). */
    static final Duration STALE = Duration.ofMinutes(2);
    /** States this old are deleted. */
    static final Duration FORGET = Duration.ofDays(1);

    private final Database db;
    private final AuditLog audit;
    private final Metrics metrics;
    private final String node;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alert-rules").daemon(true).factory());
    private double lastRequests;
    private double lastErrors;

    /**
     * @param node this node's name in the alert states (host and process)
     */
    Alerts(Database db, AuditLog audit, Metrics metrics, Duration every, String node) {
        this.db = db;
        this.audit = audit;
        this.metrics = metrics;
        this.node = node;
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

    /**
     * Every rule with its state on each node that evaluated it lately ({@code nodes}) and overall: firing when it
     * fires on any node, with that node's value (else the latest value).
     */
    List<Map<String, Object>> list() {
        return sql(c -> {
            Map<UUID, Map<String, Object>> rules = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("select id, name, metric, operator, threshold, created_by "
                    + "from alert_rules order by name"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getObject(1, UUID.class));
                    m.put("name", rs.getString(2));
                    m.put("metric", rs.getString(3));
                    m.put("operator", rs.getString(4));
                    m.put("threshold", rs.getDouble(5));
                    m.put("createdBy", rs.getString(6));
                    m.put("firing", false);
                    m.put("value", null);
                    m.put("changedAt", null);
                    m.put("evaluatedAt", null);
                    m.put("nodes", new ArrayList<Map<String, Object>>());
                    rules.put((UUID) m.get("id"), m);
                }
            }
            try (PreparedStatement q = c.prepareStatement("select rule_id, node, last_value, firing, evaluated_at, "
                    + "changed_at from alert_states where evaluated_at >= ? order by evaluated_at desc")) {
                q.setTimestamp(1, Timestamp.from(Instant.now().minus(STALE)));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> rule = rules.get(rs.getObject(1, UUID.class));
                        if (rule == null) {
                            continue;
                        }
                        Map<String, Object> state = new LinkedHashMap<>();
                        state.put("node", rs.getString(2));
                        double v = rs.getDouble(3);
                        state.put("value", rs.wasNull() ? null : v);
                        state.put("firing", rs.getBoolean(4));
                        state.put("evaluatedAt", instant(rs.getTimestamp(5)));
                        state.put("changedAt", instant(rs.getTimestamp(6)));
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> nodes = (List<Map<String, Object>>) rule.get("nodes");
                        nodes.add(state);
                        boolean firing = (Boolean) state.get("firing");
                        if (rule.get("evaluatedAt") == null || (firing && !(Boolean) rule.get("firing"))) {
                            rule.put("firing", firing);
                            rule.put("value", state.get("value"));
                            rule.put("changedAt", state.get("changedAt"));
                            rule.put("evaluatedAt", state.get("evaluatedAt"));
                        }
                    }
                }
            }
            return new ArrayList<>(rules.values());
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
            String metric = (String) rule.get("metric");
            Double value = values.get(metric);
            boolean firing = value != null && compare(value, (String) rule.get("operator"), (Double) rule.get("threshold"));
            String where = CLUSTER_METRICS.contains(metric) ? CLUSTER : node;
            boolean changed = sql(c -> {
                try (PreparedStatement q = c.prepareStatement("insert into alert_states (rule_id, node, last_value, "
                        + "firing, evaluated_at, changed_at) values (?, ?, ?, ?, now(), case when ? then now() end) "
                        + "on conflict (rule_id, node) do update set last_value = excluded.last_value, "
                        + "firing = excluded.firing, evaluated_at = excluded.evaluated_at, "
                        + "changed_at = case when alert_states.firing <> excluded.firing then excluded.evaluated_at "
                        + "else alert_states.changed_at end "
                        + "returning changed_at is not null and changed_at = evaluated_at")) {
                    q.setObject(1, rule.get("id"));
                    q.setString(2, where);
                    if (value == null) {
                        q.setNull(3, java.sql.Types.DOUBLE);
                    } else {
                        q.setDouble(3, value);
                    }
                    q.setBoolean(4, firing);
                    q.setBoolean(5, firing);
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                } catch (SQLException e) {
                    if ("23503".equals(e.getSQLState())) {
                        return false; // the rule was deleted while we evaluated it
                    }
                    throw e;
                }
            });
            if (changed) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("name", rule.get("name"));
                payload.put("metric", metric);
                payload.put("operator", rule.get("operator"));
                payload.put("threshold", rule.get("threshold"));
                payload.put("value", value);
                payload.put("node", where);
                audit.append("system", firing ? "alert.firing" : "alert.resolved", rule.get("id").toString(), payload);
            }
        }
        sql(c -> {
            try (PreparedStatement q = c.prepareStatement("delete from alert_states where evaluated_at < ?")) {
                q.setTimestamp(1, Timestamp.from(Instant.now().minus(FORGET)));
                return q.executeUpdate();
            }
        });
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
