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
                    } else {
                        refuseIfRotatedAway(c);
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

    /**
     * Fails closed when this node's key was rotated to another one: after {@code hallmark audit rotate-key
     * --pkcs11-key NEW} the old HSM key is still in the HSM, and a node still configured with it must not go on
     * signing as if nothing happened. Only a rotation this key endorsed counts (whoever can insert rows cannot make a
     * node stop signing with a forged one).
     */
    private void refuseIfRotatedAway(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select e.seq, k.vkey, e.payload_sha256, e.payload::text "
                + "from audit_signing_keys k join audit_events e on e.seq = k.audit_seq where e.event_type = ? "
                + "and e.payload->>'previous' = ? order by e.seq")) {
            ps.setString(1, ROTATED_EVENT);
            ps.setString(2, own.encoded());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VerifierKey next;
                    try {
                        next = VerifierKey.parse(rs.getString(2));
                    } catch (IllegalArgumentException e) {
                        continue; // not a key: not a rotation of ours (the verifier reports it)
                    }
                    if (checkRotation(rs.getString(4), rs.getString(3), next, List.of(own)) == null) {
                        throw new HallmarkException("This node's audit signing key " + own.name() + " was rotated to "
                                + next.encoded() + " (event #" + rs.getLong(1) + "); refusing to sign with it. "
                                + "Configure the new key (audit-pkcs11-key for a key in an HSM)");
                    }
                }
            }
        }
    }

    /** Domain separation of the old key's endorsement of its successor. */
    static final String ROTATION_CONTEXT = "hallmark.audit.key-rotation/v1\n";

    /**
     * Replaces this node's key {@code current} by {@code next}: one transaction appends an {@code audit.key.rotated}
     * event naming both keys, the reason, and {@code current}'s signature endorsing {@code next}, and registers
     * {@code next} with that event. {@code current} stays registered, so every checkpoint it signed stays verifiable.
     * The caller then puts {@code next} in place of {@code current}.
     *
     * @return the sequence number of the rotation event
     */
    public long rotate(Signer current, Signer next, String actor, String reason) {
        if (current.verifierKey().equals(next.verifierKey())) {
            throw new IllegalArgumentException("The new key is the current key");
        }
        ensureRegistered();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vkey", next.verifierKey().encoded());
        payload.put("name", next.name());
        payload.put("previous", current.verifierKey().encoded());
        payload.put("reason", reason);
        payload.put("endorsement", java.util.Base64.getEncoder().encodeToString(current.sign(
                (ROTATION_CONTEXT + next.verifierKey().encoded()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                AuditEvent event = auditLog.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent(actor,
                        ROTATED_EVENT, next.name(), payload))).getFirst();
                try (PreparedStatement ps = c.prepareStatement("insert into audit_signing_keys (vkey, key_name, "
                        + "registered_at, audit_seq) values (?, ?, ?, ?)")) {
                    ps.setString(1, next.verifierKey().encoded());
                    ps.setString(2, next.name());
                    ps.setObject(3, event.eventTime().atOffset(ZoneOffset.UTC));
                    ps.setLong(4, event.seq());
                    ps.executeUpdate();
                }
                c.commit();
                log.info("Rotated the audit signing key {} to {} (event #{})", current.name(), next.name(), event.seq());
                return event.seq();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot record the key rotation, nothing changed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code null} when {@code payloadJson} (stored with {@code payloadSha256}) is a valid rotation to {@code key}:
     * intact, naming it, and endorsed by a key trusted already ({@code trusted}); else what is wrong.
     */
    static String checkRotation(String payloadJson, String payloadSha256, VerifierKey key, List<VerifierKey> trusted) {
        if (payloadJson == null || !AuditVerifier.payloadHash(payloadJson).equals(payloadSha256)) {
            return "its payload was changed";
        }
        var node = CanonicalJson.parse(payloadJson);
        if (!key.encoded().equals(node.path("vkey").asText())) {
            return "it names another key";
        }
        VerifierKey previous;
        try {
            previous = VerifierKey.parse(node.path("previous").asText());
        } catch (IllegalArgumentException e) {
            return "its previous key cannot be read";
        }
        if (!trusted.contains(previous)) {
            return "the key it rotates from, " + previous.name() + ", is not a trusted key";
        }
        byte[] endorsement;
        try {
            endorsement = java.util.Base64.getDecoder().decode(node.path("endorsement").asText());
        } catch (IllegalArgumentException e) {
            return "its endorsement is not base64";
        }
        if (!previous.verify((ROTATION_CONTEXT + key.encoded()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                endorsement)) {
            return "the previous key " + previous.name() + " did not endorse it";
        }
        return null;
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
