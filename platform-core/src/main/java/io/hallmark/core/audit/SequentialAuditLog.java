package io.hallmark.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Appends audit events with one gap-free sequence across threads and processes: each append takes a
 * transaction-scoped PostgreSQL advisory lock, reads the highest sequence number and inserts the next one in the
 * same transaction.
 */
public final class SequentialAuditLog implements AuditLog {

    /** The advisory lock key that serializes appends ("HMAUDIT" in ASCII). */
    static final long LOCK_KEY = 0x484d4155444954L;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Database db;

    public SequentialAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public AuditEvent append(String actor, String eventType, @Nullable String subject, Map<String, Object> payload) {
        String sha = sha256(payload);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(s -> {
            s.createNativeQuery("select pg_advisory_xact_lock(:key)", Object.class).setParameter("key", LOCK_KEY)
                    .getSingleResult();
            Long max = s.createSelectionQuery("select max(seq) from AuditEvent", Long.class).getSingleResult();
            AuditEvent event = new AuditEvent(max == null ? 1 : max + 1, now, actor, eventType, subject, payload, sha);
            s.persist(event);
            return event;
        });
    }

    static String sha256(Map<String, Object> payload) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit payload is not JSON-serializable: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
