package io.hallmark.core.audit;

import io.hallmark.core.persistence.AuditEvent;
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
}
