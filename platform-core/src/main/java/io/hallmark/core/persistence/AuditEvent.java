package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One append-only audit event. Its sequence number is assigned by the audit log (one gap-free order across
 * processes); the payload's SHA-256 is kept beside it. Rows are never updated.
 */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    private long seq;

    @Column(name = "event_time", nullable = false)
    private Instant eventTime;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(length = 256)
    private @Nullable String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> payload;

    @Column(name = "payload_sha256", nullable = false, length = 64)
    private String payloadSha256;

    protected AuditEvent() {
        // for Hibernate
    }

    public AuditEvent(long seq, Instant eventTime, String actor, String eventType, @Nullable String subject,
            Map<String, Object> payload, String payloadSha256) {
        if (seq < 1) {
            throw new IllegalArgumentException("Audit sequence numbers start at 1, was " + seq);
        }
        this.seq = seq;
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.subject = subject;
        this.payload = new HashMap<>(Objects.requireNonNull(payload, "payload"));
        this.payloadSha256 = Objects.requireNonNull(payloadSha256, "payloadSha256");
    }

    public long seq() {
        return seq;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public String actor() {
        return actor;
    }

    public String eventType() {
        return eventType;
    }

    public @Nullable String subject() {
        return subject;
    }

    public Map<String, Object> payload() {
        return payload;
    }

    public String payloadSha256() {
        return payloadSha256;
    }
}
