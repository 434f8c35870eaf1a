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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * then signs a checkpoint covering every event it touches, then in one transaction removes the payloads, records
 * the run in {@code audit_retention_runs} (for operators) and appends the signed {@link RetentionEvent} naming the
 * exact sequence ranges, the cutoff and the setting in force. The verifier trusts only that signed event, never
 * the table. The payloads of retention and key events are never removed.
 */
public final class AuditRetention {

    /** What a run did. */
    public record Result(Instant cutoff, int retentionDays, long eventsRemoved, @Nullable Long firstSeq,
            @Nullable Long lastSeq, @Nullable Long checkpointNumber, @Nullable Long auditSeq) {}

    private final DataSource dataSource;
    private final DatabaseAuditLog log;
    private final Checkpoints checkpoints;
    private final AuditVerifier verifier;
    private final int retentionDays;
    private final Clock clock;

    public AuditRetention(DataSource dataSource, DatabaseAuditLog log, Checkpoints checkpoints, AuditVerifier verifier,
            int retentionDays, Clock clock) {
        if (retentionDays < AuditSettings.MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("Audit retention must be at least " + AuditSettings.MIN_RETENTION_DAYS
                    + " days (EU AI Act Art. 19(1), 26(6)), was " + retentionDays);
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
        if (now.isAfter(clock.instant().plusSeconds(60))) {
            throw new HallmarkException("Retention refused: it was asked to run as of " + now + ", after the clock's "
                    + clock.instant() + "; the signed retention event carries the clock's time");
        }
        Checkpoints.Stored cp = checkpoints.create();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select set_config('hallmark.audit_retention', 'on', true)")) {
                    ps.execute();
                }
                List<Long> removed = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("update audit_events "
                        + "set payload = '{}'::jsonb, payload_removed_at = ? "
                        + "where event_time < ? and payload_removed_at is null and seq <= ? "
                        + "and event_type <> all (?) returning seq")) {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
                    ps.setLong(3, cp.checkpoint().treeSize());
                    ps.setArray(4, c.createArrayOf("varchar", RetentionEvent.KEPT_TYPES.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            removed.add(rs.getLong(1));
                        }
                    }
                }
                if (removed.isEmpty()) {
                    c.rollback();
                    return new Result(cutoff, retentionDays, 0, null, null, cp.number(), null);
                }
                Collections.sort(removed);
                long first = removed.getFirst();
                long last = removed.getLast();
                long count = removed.size();
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
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("firstSeq", first);
                facts.put("lastSeq", last);
                facts.put("checkpoint", cp.number());
                facts.put("treeSize", cp.checkpoint().treeSize());
                facts.put("rootHash", cp.checkpoint().rootHashHex());
                RetentionEvent event = new RetentionEvent(cutoff, retentionDays, RetentionEvent.ranges(removed), count);
                // in the same transaction: the payloads go only together with the signed record of their removal
                long seq = log.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent(actor, RetentionEvent.TYPE,
                        null, event.signedPayload(checkpoints.key(), facts)))).getFirst().seq();
                c.commit();
                return new Result(cutoff, retentionDays, count, first, last, cp.number(), seq);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HallmarkException("Retention failed, nothing was removed: " + e.getMessage(), e);
        }
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
