package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Removes the payloads of audit events older than the retention period, in a way an auditor can check.
 *
 * <p>The tree is never rewritten: an expired event keeps its row, sequence number, time, actor, type,
 * subject, payload hash and leaf hash; only its payload becomes {@code {}} and {@code payload_removed_at} is
 * set. Because the leaf commits to the payload's hash, not the payload, every root and proof stays valid.
 * A run is "verified": it first verifies the whole trail (and refuses to destroy evidence of tampering),
 * then signs a checkpoint covering every event it touches, then removes the payloads and records the run
 * (cutoff, sequence range, count, checkpoint) in {@code audit_retention_runs} in the same transaction, and
 * finally appends an {@code audit.retention.applied} event.
 */
public final class AuditRetention {

    /** What a run did. */
    public record Result(Instant cutoff, int retentionDays, long eventsRemoved, @Nullable Long firstSeq,
            @Nullable Long lastSeq, @Nullable Long checkpointNumber, @Nullable Long auditSeq) {}

    private final DataSource dataSource;
    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final AuditVerifier verifier;
    private final int retentionDays;
    private final Clock clock;

    public AuditRetention(DataSource dataSource, AuditLog log, Checkpoints checkpoints, AuditVerifier verifier,
            int retentionDays, Clock clock) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("Retention must be at least one day, was " + retentionDays);
        }
        this.dataSource = dataSource;
        this.log = log;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Applies retention as of now. */
    public Result apply(String actor) {
        return apply(clock.instant(), actor);
    }

    /** Applies retention as if it were {@code now}: payloads of events before {@code now - days} go. */
    public Result apply(Instant now, String actor) {
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        if (countExpired(cutoff) == 0) {
            return new Result(cutoff, retentionDays, 0, null, null, null, null);
        }
        AuditVerifier.Report report = verifier.verify(null);
        if (!report.ok()) {
            throw new HallmarkException("Retention refused: the audit trail does not verify, and removing payloads "
                    + "could destroy evidence. First divergence: " + report.firstDivergence().orElseThrow().message()
                    + "; run 'hallmark audit verify'");
        }
        Checkpoints.Stored cp = checkpoints.create();
        long first;
        long last;
        long count;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select set_config('hallmark.audit_retention', 'on', true)")) {
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("with removed as (update audit_events "
                        + "set payload = '{}'::jsonb, payload_removed_at = ? "
                        + "where event_time < ? and payload_removed_at is null and seq <= ? returning seq) "
                        + "select min(seq), max(seq), count(*) from removed")) {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
                    ps.setLong(3, cp.checkpoint().treeSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        first = rs.getLong(1);
                        last = rs.getLong(2);
                        count = rs.getLong(3);
                    }
                }
                if (count == 0) {
                    c.rollback();
                    return new Result(cutoff, retentionDays, 0, null, null, cp.number(), null);
                }
                try (PreparedStatement ps = c.prepareStatement("insert into audit_retention_runs (run_at, cutoff, "
                        + "retention_days, first_seq, last_seq, events_removed, checkpoint_id, tree_size, root_hash, "
                        + "actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
                    ps.setInt(3, retentionDays);
                    ps.setLong(4, first);
                    ps.setLong(5, last);
                    ps.setLong(6, count);
                    ps.setLong(7, cp.number());
                    ps.setLong(8, cp.checkpoint().treeSize());
                    ps.setString(9, cp.checkpoint().rootHashHex());
                    ps.setString(10, actor);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HallmarkException("Retention failed, nothing was removed: " + e.getMessage(), e);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cutoff", cutoff.toString());
        payload.put("retentionDays", retentionDays);
        payload.put("firstSeq", first);
        payload.put("lastSeq", last);
        payload.put("eventsRemoved", count);
        payload.put("checkpoint", cp.number());
        payload.put("treeSize", cp.checkpoint().treeSize());
        payload.put("rootHash", cp.checkpoint().rootHashHex());
        long seq = log.append(actor, "audit.retention.applied", null, payload).seq();
        return new Result(cutoff, retentionDays, count, first, last, cp.number(), seq);
    }

    private long countExpired(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from audit_events where event_time < ? and payload_removed_at is null")) {
            ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot count expired audit events: " + e.getMessage(), e);
        }
    }
}
