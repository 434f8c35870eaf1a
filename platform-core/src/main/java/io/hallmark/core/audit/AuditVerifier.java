package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Re-derives the audit trail from the database and compares it with what was signed: every payload hash,
 * every leaf hash, the sequence (no gaps), the root at every signed checkpoint, and the head row. It streams
 * the events in sequence order and keeps only the tree's right edge in memory.
 *
 * <p>What it can locate: a changed payload or changed event fields (the row's own hashes no longer match:
 * exact sequence number), a deleted row (a gap, or a tree shorter than a checkpoint: exact), a moved row
 * (its leaf contains its sequence number: exact). A row changed together with its stored hashes is caught by
 * the first signed checkpoint whose root no longer matches, and located to the events between that checkpoint
 * and the previous matching one.
 */
public final class AuditVerifier {

    /** Most divergences one report lists; the first one is the one to act on. */
    public static final int MAX_DIVERGENCES = 50;

    /** What went wrong, where. */
    public enum Kind {
        PAYLOAD_CHANGED, EVENT_CHANGED, MISSING_LEAF_HASH, SEQUENCE_GAP, PAYLOAD_REMOVED_WITHOUT_RETENTION,
        CHECKPOINT_SIGNATURE, CHECKPOINT_ROOT_MISMATCH, CHECKPOINT_BEYOND_LOG, HEAD_MISMATCH, SIGNING_KEY_NOT_AUDITED
    }

    /**
     * One divergence.
     *
     * @param seq the event it concerns, when one is known
     * @param checkpoint the checkpoint number it concerns, when any
     */
    public record Divergence(Kind kind, @Nullable Long seq, @Nullable Long checkpoint, String message) {}

    /** The outcome of one verification. */
    public record Report(boolean ok, long events, long payloadsChecked, long checkpointsChecked, long treeSize,
            String rootHash, @Nullable Long fromCheckpoint, List<Divergence> divergences, long millis) {

        public Optional<Divergence> firstDivergence() {
            return divergences.stream().findFirst();
        }
    }

    private record Cp(long number, long size, byte[] root) {}

    private record RetentionRun(long firstSeq, long lastSeq, Instant cutoff) {}

    private final DataSource dataSource;
    private final VerifierKey key;

    public AuditVerifier(DataSource dataSource, VerifierKey key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /**
     * Verifies the whole trail, or with {@code fromCheckpoint} set: re-derives only the events after that
     * checkpoint and checks the events up to it by their stored leaf hashes against its signed root.
     */
    public Report verify(@Nullable Long fromCheckpoint) {
        long start = System.nanoTime();
        List<Divergence> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot of everything
            try {
                return run(c, fromCheckpoint, found, start);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private Report run(Connection c, @Nullable Long fromCheckpoint, List<Divergence> found, long start) throws SQLException {
        List<Cp> checkpoints = loadCheckpoints(c, found);
        List<RetentionRun> runs = loadRetentionRuns(c);
        long prefix = 0;
        if (fromCheckpoint != null) {
            Cp from = checkpoints.stream().filter(cp -> cp.number() == fromCheckpoint).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Checkpoint #" + fromCheckpoint
                            + " does not exist or does not verify; valid: "
                            + checkpoints.stream().map(cp -> "#" + cp.number()).toList()));
            prefix = from.size();
        }
        CompactRange tree = CompactRange.empty();
        int nextCp = 0;
        long payloads = 0;
        long lastGood = 0;
        while (nextCp < checkpoints.size() && checkpoints.get(nextCp).size() == 0) {
            nextCp++;
        }
        long expected = 1;
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, leaf_hash from audit_events where seq <= ? order by seq")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    expected = checkGap(seq, expected, found);
                    String leafHex = rs.getString(2);
                    byte[] leaf;
                    if (leafHex == null) {
                        add(found, new Divergence(Kind.MISSING_LEAF_HASH, seq, null, "Event seq " + seq
                                + " has no leaf hash: it was not written through the audit log"));
                        leaf = new byte[32];
                    } else {
                        leaf = Hashes.fromHex(leafHex);
                    }
                    tree.append(leaf);
                    nextCp = compareCheckpoints(tree, checkpoints, nextCp, found);
                    lastGood = lastGoodSize(tree, checkpoints, nextCp, lastGood, found);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select seq, event_time, actor, event_type, subject, "
                + "payload::text, payload_sha256, leaf_hash, payload_removed_at is not null from audit_events "
                + "where seq > ? order by seq")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    expected = checkGap(seq, expected, found);
                    Instant time = rs.getTimestamp(2).toInstant();
                    String actor = rs.getString(3);
                    String type = rs.getString(4);
                    String subject = rs.getString(5);
                    String payloadSha = rs.getString(7);
                    String storedLeaf = rs.getString(8);
                    boolean removed = rs.getBoolean(9);
                    if (removed) {
                        if (runs.stream().noneMatch(r -> seq >= r.firstSeq() && seq <= r.lastSeq()
                                && time.isBefore(r.cutoff()))) {
                            add(found, new Divergence(Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION, seq, null,
                                    "The payload of event seq " + seq + " was removed, but no retention run covers it"));
                        }
                    } else {
                        payloads++;
                        String actual = payloadHash(rs.getString(6));
                        if (!actual.equals(payloadSha)) {
                            add(found, new Divergence(Kind.PAYLOAD_CHANGED, seq, null, "The payload of event seq "
                                    + seq + " (" + type + ") was changed: it hashes to " + actual + ", recorded "
                                    + payloadSha));
                        }
                    }
                    byte[] leaf = EventHashing.leafHash(seq, time, actor, type, subject, payloadSha);
                    if (storedLeaf == null) {
                        add(found, new Divergence(Kind.MISSING_LEAF_HASH, seq, null, "Event seq " + seq
                                + " has no leaf hash: it was not written through the audit log"));
                    } else if (!Hashes.hex(leaf).equals(storedLeaf)) {
                        add(found, new Divergence(Kind.EVENT_CHANGED, seq, null, "Event seq " + seq + " (" + type
                                + ") does not match its leaf hash: its time, actor, type, subject, payload hash or "
                                + "position was changed"));
                    }
                    tree.append(leaf);
                    nextCp = compareCheckpoints(tree, checkpoints, nextCp, found);
                    lastGood = lastGoodSize(tree, checkpoints, nextCp, lastGood, found);
                }
            }
        }
        for (int i = nextCp; i < checkpoints.size(); i++) {
            Cp cp = checkpoints.get(i);
            add(found, new Divergence(Kind.CHECKPOINT_BEYOND_LOG, tree.size() + 1, cp.number(), "Checkpoint #"
                    + cp.number() + " signed " + cp.size() + " events, but the log holds only " + tree.size()
                    + ": events after seq " + tree.size() + " were deleted"));
        }
        try (PreparedStatement ps = c.prepareStatement("select tree_size, frontier from audit_head where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long headSize = rs.getLong(1);
            if (headSize != tree.size()) {
                add(found, new Divergence(Kind.HEAD_MISMATCH, Math.min(headSize, tree.size()) + 1, null,
                        "The log's head counts " + headSize + " events but " + tree.size() + " rows were found"
                                + (headSize > tree.size() ? ": events after seq " + tree.size() + " were deleted" : "")));
            } else if (!Arrays.equals(CompactRange.of(headSize, rs.getBytes(2)).root(), tree.root())) {
                add(found, new Divergence(Kind.HEAD_MISMATCH, null, null,
                        "The log's head (its tree edge) does not match the events: an event was changed"));
            }
        }
        // in the order found while streaming by seq (a row's own mismatch comes before the checkpoint it breaks);
        // checkpoints that fail their signature check come last
        found.sort(Comparator.comparing((Divergence d) -> d.kind() == Kind.CHECKPOINT_SIGNATURE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Report(found.isEmpty(), tree.size(), payloads, checkpoints.size(), tree.size(),
                Hashes.hex(tree.root()), fromCheckpoint, List.copyOf(found), millis);
    }

    static String payloadHash(String jsonbText) {
        return EventHashing.payloadSha256(CanonicalJson.canonicalize(jsonbText));
    }

    private static long checkGap(long seq, long expected, List<Divergence> found) {
        if (seq > expected) {
            add(found, new Divergence(Kind.SEQUENCE_GAP, expected, null, seq - expected == 1
                    ? "Event seq " + expected + " is missing (deleted)"
                    : "Events seq " + expected + " to " + (seq - 1) + " are missing (deleted)"));
        }
        return seq + 1;
    }

    private static int compareCheckpoints(CompactRange tree, List<Cp> checkpoints, int next, List<Divergence> found) {
        while (next < checkpoints.size() && checkpoints.get(next).size() == tree.size()) {
            next++;
        }
        return next;
    }

    /** Compares the root with every checkpoint of the current size; returns the size of the last matching one. */
    private static long lastGoodSize(CompactRange tree, List<Cp> checkpoints, int next, long lastGood,
            List<Divergence> found) {
        long good = lastGood;
        byte[] root = null;
        for (int i = next - 1; i >= 0 && checkpoints.get(i).size() == tree.size(); i--) {
            Cp cp = checkpoints.get(i);
            root = root == null ? tree.root() : root;
            if (Arrays.equals(root, cp.root())) {
                good = Math.max(good, cp.size());
            } else {
                add(found, new Divergence(Kind.CHECKPOINT_ROOT_MISMATCH, lastGood + 1, cp.number(),
                        "The events do not match signed checkpoint #" + cp.number() + " (size " + cp.size()
                                + "): an event between seq " + (lastGood + 1) + " and " + cp.size()
                                + " was changed together with its stored hashes"));
            }
        }
        return good;
    }

    /**
     * This node's key and every registered key whose {@code audit.key.registered} event is in the log with the
     * payload hash that names exactly that key (the event itself is then checked like any other).
     */
    private List<VerifierKey> trustedKeys(Connection c, List<Divergence> found) throws SQLException {
        List<VerifierKey> keys = new ArrayList<>();
        keys.add(key);
        try (PreparedStatement ps = c.prepareStatement("select k.vkey, k.audit_seq, e.event_type, e.payload_sha256 "
                + "from audit_signing_keys k left join audit_events e on e.seq = k.audit_seq order by k.audit_seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String vkey = rs.getString(1);
                long seq = rs.getLong(2);
                VerifierKey registered;
                try {
                    registered = VerifierKey.parse(vkey);
                } catch (IllegalArgumentException e) {
                    add(found, new Divergence(Kind.SIGNING_KEY_NOT_AUDITED, seq, null, "A registered signing key "
                            + "cannot be read: " + e.getMessage()));
                    continue;
                }
                String expected = EventHashing.payloadSha256(new String(CanonicalJson.bytes(
                        AuditKeyRegistry.payload(registered)), java.nio.charset.StandardCharsets.UTF_8));
                if (!AuditKeyRegistry.EVENT.equals(rs.getString(3)) || !expected.equals(rs.getString(4))) {
                    add(found, new Divergence(Kind.SIGNING_KEY_NOT_AUDITED, seq, null, "Signing key "
                            + registered.name() + " is registered, but event seq " + seq + " is not the '"
                            + AuditKeyRegistry.EVENT + "' event that introduces it: the key registry was edited"));
                    continue;
                }
                if (!registered.encoded().equals(key.encoded())) {
                    keys.add(registered);
                }
            }
        }
        return keys;
    }

    private List<Cp> loadCheckpoints(Connection c, List<Divergence> found) throws SQLException {
        List<VerifierKey> keys = trustedKeys(c, found);
        List<Cp> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, tree_size, root_hash, signed_note from audit_checkpoints order by tree_size, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                try {
                    Checkpoint cp = Checkpoint.verify(rs.getString(4), keys);
                    if (cp.treeSize() != rs.getLong(2) || !cp.rootHashHex().equals(rs.getString(3))) {
                        throw new IllegalArgumentException("its columns differ from its signed note");
                    }
                    out.add(new Cp(id, cp.treeSize(), cp.rootHash()));
                } catch (IllegalArgumentException e) {
                    add(found, new Divergence(Kind.CHECKPOINT_SIGNATURE, null, id, "Checkpoint #" + id
                            + " does not verify: " + e.getMessage()));
                }
            }
        }
        return out;
    }

    private static List<RetentionRun> loadRetentionRuns(Connection c) throws SQLException {
        List<RetentionRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select first_seq, last_seq, cutoff from audit_retention_runs");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp cutoff = rs.getTimestamp(3);
                out.add(new RetentionRun(rs.getLong(1), rs.getLong(2), cutoff.toInstant()));
            }
        }
        return out;
    }

    private static void add(List<Divergence> found, Divergence d) {
        if (found.size() < MAX_DIVERGENCES) {
            found.add(d);
        }
    }
}
