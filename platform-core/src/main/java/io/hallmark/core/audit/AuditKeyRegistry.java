package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.persistence.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys that may sign this audit log's checkpoints: one per node (each node's data directory holds its
 * own {@link PlatformKey}). A node registers its key before it signs its first checkpoint, in one transaction with
 * an {@code audit.key.registered} event that carries the key, so the registry is itself covered by the Merkle tree:
 * the verifier trusts a registered key only when that event is in the log and names the same key.
 */
public final class AuditKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyRegistry.class);

    /** The event that introduces a key. */
    public static final String EVENT = "audit.key.registered";

    /** The event that records a node replacing its signing key (the old key stays trusted for old checkpoints). */
    public static final String ROTATED_EVENT = "audit.key.rotated";

    /** A registered key with the sequence number of the event that introduced it. */
    public record Registered(VerifierKey key, long auditSeq) {}

    private final DataSource dataSource;
    private final DatabaseAuditLog auditLog;
    private final VerifierKey own;
    private volatile boolean registered;

    public AuditKeyRegistry(DataSource dataSource, DatabaseAuditLog auditLog, VerifierKey own) {
        this.dataSource = dataSource;
        this.auditLog = auditLog;
        this.own = own;
    }

    /** Registers this node's key unless it is registered already; cheap after the first call. */
    public void ensureRegistered() {
        if (registered) {
            return;
        }
        synchronized (this) {
            if (registered) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (!exists(c, own.encoded())) {
                        AuditEvent event = auditLog.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent(
                                "system", EVENT, own.name(), payload(own)))).getFirst();
                        try (PreparedStatement ps = c.prepareStatement("insert into audit_signing_keys (vkey, "
                                + "key_name, registered_at, audit_seq) values (?, ?, ?, ?)")) {
                            ps.setString(1, own.encoded());
                            ps.setString(2, own.name());
                            ps.setObject(3, event.eventTime().atOffset(ZoneOffset.UTC));
                            ps.setLong(4, event.seq());
                            ps.executeUpdate();
                        }
                        log.info("Registered this node's audit signing key {} (event #{})", own.name(), event.seq());
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new HallmarkException("Cannot register the audit signing key: " + e.getMessage(), e);
            }
            registered = true;
        }
    }

    /** The payload of the event that introduces a key (the verifier re-derives its hash). */
    static Map<String, Object> payload(VerifierKey key) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vkey", key.encoded());
        payload.put("name", key.name());
        payload.put("purpose", "audit checkpoints and export bundles");
        return payload;
    }

    private static boolean exists(Connection c, String vkey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from audit_signing_keys where vkey = ?")) {
            ps.setString(1, vkey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every registered key, oldest first, as the table says (the verifier checks each against its event). */
    public List<Registered> registered() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select vkey, audit_seq from audit_signing_keys order by audit_seq");
                ResultSet rs = ps.executeQuery()) {
            List<Registered> out = new ArrayList<>();
            while (rs.next()) {
                try {
                    out.add(new Registered(VerifierKey.parse(rs.getString(1)), rs.getLong(2)));
                } catch (IllegalArgumentException e) {
                    log.warn("Skipping an unreadable registered audit key: {}", e.getMessage());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the audit signing keys: " + e.getMessage(), e);
        }
    }

    /** This node's own key and every registered key: the keys checkpoints may be signed with. */
    public List<VerifierKey> trustedKeys() {
        List<VerifierKey> keys = new ArrayList<>();
        keys.add(own);
        registered().stream().map(Registered::key).filter(k -> !k.encoded().equals(own.encoded())).forEach(keys::add);
        return keys;
    }

    /** This node's key. */
    public VerifierKey own() {
        return own;
    }
}
