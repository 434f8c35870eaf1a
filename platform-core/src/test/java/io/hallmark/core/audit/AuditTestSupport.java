package io.hallmark.core.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Helpers for the audit tests: raw SQL as an attacker with database access would run it. */
final class AuditTestSupport {

    private AuditTestSupport() {}

    /** Runs statements with triggers off, as a superuser can: the append-only guard does not stop them. */
    static void tamper(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try {
                for (String q : sql) {
                    s.execute(q);
                }
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sets the head row to the tree of the leaf hashes now stored, as an attacker knowing the hashing rules would. */
    static void recomputeHead(DataSource ds) throws SQLException {
        CompactRange tree = CompactRange.empty();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select leaf_hash from audit_events order by seq")) {
            while (rs.next()) {
                tree.append(Hashes.fromHex(rs.getString(1)));
            }
        }
        try (Connection c = ds.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "update audit_head set tree_size = ?, frontier = ? where id = 1")) {
            ps.setLong(1, tree.size());
            ps.setBytes(2, tree.peaksBytes());
            ps.executeUpdate();
        }
    }

    /** Empties every audit table (with triggers off) so a test starts from an empty log. */
    static void reset(DataSource ds) throws SQLException {
        tamper(ds, "delete from audit_retention_runs", "delete from audit_checkpoints", "delete from audit_signing_keys",
                "delete from audit_events",
                "update audit_head set tree_size = 0, frontier = ''::bytea");
    }

    /** A clock that can be moved. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
