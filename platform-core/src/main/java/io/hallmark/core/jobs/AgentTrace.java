package io.hallmark.core.jobs;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The flow of a job as it ran: the pipeline definition it follows and one row per agent call (planner, each
 * generator, checker, judge, reviser, publisher) with what went in and what came out. Texts are kept up to
 * {@value #MAX_TEXT} characters; the full content is the content item's.
 */
public final class AgentTrace {

    /** The longest text kept per input or output value. */
    public static final int MAX_TEXT = 4_000;

    private final Database db;

    public AgentTrace(Database db) {
        this.db = db;
    }

    /** Stores the definition a job runs (once; a resumed job keeps the first). */
    public void pipeline(UUID job, Map<String, Object> definition) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update generation_jobs set pipeline = ?::jsonb where id = ? and pipeline is null")) {
                ps.setString(1, JobQueue.json(definition));
                ps.setObject(2, job);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The definition a job runs, when it has started. */
    public @Nullable Map<String, Object> pipeline(UUID job) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pipeline from generation_jobs where id = ?")) {
                ps.setObject(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? JobQueue.map(rs.getString(1)) : null;
                }
            }
        });
    }

    /** Records one agent call. */
    public void record(UUID job, int attempt, String step, int round, String agent, Map<String, Object> inputs,
            Map<String, Object> outputs, @Nullable String error, Instant started) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into job_agent_calls (job_id, attempt, step, round, agent, inputs, outputs, error, started_at,
                                                 finished_at)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, now())""")) {
                ps.setObject(1, job);
                ps.setInt(2, attempt);
                ps.setString(3, step);
                ps.setInt(4, round);
                ps.setString(5, agent.length() > 128 ? agent.substring(0, 128) : agent);
                ps.setString(6, JobQueue.json(clip(inputs)));
                ps.setString(7, JobQueue.json(clip(outputs)));
                ps.setString(8, error);
                ps.setTimestamp(9, Timestamp.from(started));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The calls of a job in the order they ended. */
    public List<Map<String, Object>> calls(UUID job) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select attempt, step, round, agent, inputs, outputs, error, started_at, finished_at
                      from job_agent_calls where job_id = ? order by seq""")) {
                ps.setObject(1, job);
                List<Map<String, Object>> calls = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> call = new LinkedHashMap<>();
                        call.put("attempt", rs.getInt(1));
                        call.put("step", rs.getString(2));
                        call.put("round", rs.getInt(3));
                        call.put("agent", rs.getString(4));
                        call.put("inputs", JobQueue.map(rs.getString(5)));
                        call.put("outputs", JobQueue.map(rs.getString(6)));
                        if (rs.getString(7) != null) {
                            call.put("error", rs.getString(7));
                        }
                        call.put("startedAt", rs.getTimestamp(8).toInstant().toString());
                        call.put("finishedAt", rs.getTimestamp(9).toInstant().toString());
                        calls.add(call);
                    }
                }
                return calls;
            }
        });
    }

    private static Map<String, Object> clip(Map<String, Object> values) {
        Map<String, Object> clipped = new LinkedHashMap<>();
        values.forEach((k, v) -> clipped.put(k, v instanceof String s && s.length() > MAX_TEXT
                ? s.substring(0, MAX_TEXT) + "…" : v));
        return clipped;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(SqlWork<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Agent trace: " + e.getMessage(), e);
        }
    }
}
