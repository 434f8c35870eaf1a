package io.hallmark.core.audit;

import io.hallmark.core.persistence.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The append-only audit log every subsystem records its events in (generation, governance decisions,
 * reviews, plugin and policy changes, logins, exports).
 */
public interface AuditLog {

    /**
     * Appends one event and returns it with its sequence number.
     *
     * @param actor who caused the event: a user name, {@code system}, or {@code plugin:<id>}
     * @param eventType a dotted name such as {@code plugin.installed}
     * @param subject what the event is about (an id), or {@code null}
     * @param payload the event's details; must be JSON-serializable
     */
    AuditEvent append(String actor, String eventType, @Nullable String subject, Map<String, Object> payload);

    /**
     * Appends events inside the caller's open transaction ({@code c} with auto-commit off), so they commit or roll
     * back with the caller's own changes. Logs that cannot (a test's in-memory log) refuse, so a caller that needs the
     * guarantee never silently loses it.
     *
     * @throws UnsupportedOperationException when this log cannot join a caller's transaction
     */
    default List<AuditEvent> appendInTransaction(Connection c, List<DatabaseAuditLog.NewEvent> events)
            throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot append inside a caller's transaction");
    }
}
