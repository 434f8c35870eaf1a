package io.hallmark.core.audit;

import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.AuditEvent;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuditLog} on a {@link Database} that appends each event in a transaction of its own, without a
 * writer thread (nothing to close): a {@link DatabaseAuditLog} with group commit off, so its events get the same
 * sequence, leaf hashes and tree head as every other append. For tests and tools; a running platform uses
 * {@code platform.auditLog()}.
 */
public final class SequentialAuditLog implements AuditLog {

    private final DatabaseAuditLog log;

    public SequentialAuditLog(Database db) {
        this.log = new DatabaseAuditLog(db.dataSource(), false, 1, Clock.systemUTC());
    }

    @Override
    public AuditEvent append(String actor, String eventType, @Nullable String subject, Map<String, Object> payload) {
        return log.append(actor, eventType, subject, payload);
    }

    @Override
    public java.util.List<AuditEvent> appendInTransaction(java.sql.Connection c,
            java.util.List<DatabaseAuditLog.NewEvent> events) throws java.sql.SQLException {
        return log.appendInTransaction(c, events);
    }
}
