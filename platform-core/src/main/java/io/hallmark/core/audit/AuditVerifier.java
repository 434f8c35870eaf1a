package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        RETENTION_EVENT_INVALID, CHECKPOINT_SIGNATURE, CHECKPOINT_ROOT_MISMATCH, CHECKPOINT_BEYOND_LOG, HEAD_MISMATCH,
        SIGNING_KEY_NOT_AUDITED,
        /** The events do not lead to the root of a checkpoint the auditor holds: rewritten below it. */
        HELD_CHECKPOINT_MISMATCH,
        /** The log is shorter than a checkpoint the auditor holds: its tail was removed. */
        ROLLBACK,
        /** A checkpoint the auditor holds is missing from the database. */
        CHECKPOINT_DELETED,
        /** A checkpoint the auditor holds does not verify with the platform's keys, or is another log's. */
        HELD_CHECKPOINT_UNVERIFIABLE
    }

    /**
     * One divergence.
     *
     * @param seq the event it concerns, or the first of the range it concerns, when one is known
     * @param lastSeq the last event of the range it concerns, when it concerns a range
     * @param checkpoint the stored checkpoint number it concerns, when any
     */
    public record Divergence(Kind kind, @Nullable Long seq, @Nullable Long lastSeq, @Nullable Long checkpoint,
            String message) {

        Divergence(Kind kind, @Nullable Long seq, @Nullable Long checkpoint, String message) {
            this(kind, seq, seq, checkpoint, message);
        }
    }

    /**
     * The outcome of one verification.
     *
     * @param heldTreeSize the size of the largest checkpoint the auditor held, when any was given
     */
    public record Report(boolean ok, long events, long payloadsChecked, long checkpointsChecked, long treeSize,
            String rootHash, @Nullable Long fromCheckpoint, @Nullable Long heldTreeSize, List<Divergence> divergences,
            long millis) {

        public Optional<Divergence> firstDivergence() {
            return divergences.stream().findFirst();
        }
    }

    /**
     * A checkpoint to compare with: stored in the database (number &gt; 0), held by the auditor, or both.
     */
    private record Cp(long number, long size, byte[] root, boolean held, Instant time) {

        String describe() {
            return held ? "the checkpoint of size " + size + " signed " + time + " that you hold"
                    + (number > 0 ? " (#" + number + ")" : "") : "signed checkpoint #" + number + " (size " + size + ")";
        }
    }

    /** A valid signed retention event: appended as {@code seq}. */
    private record RetentionRun(long seq, RetentionEvent event) {}

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
        return verify(fromCheckpoint, List.of());
    }

    /**
     * Verifies as {@link #verify(Long)} does, and proves that the log extends every checkpoint the auditor holds
     * ({@code heldNotes}: signed notes kept outside the database, in a file, a checkpoint sink or from a witness):
     * a log shorter than one is rolled back, events that no longer lead to its root were rewritten between the
     * last checkpoint that still matches and it, and one missing from the database was deleted.
     */
    public Report verify(@Nullable Long fromCheckpoint, List<String> heldNotes) {
        long start = System.nanoTime();
        List<Divergence> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot of everything
            try {
                return run(c, fromCheckpoint, heldNotes, found, start);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private Report run(Connection c, @Nullable Long fromCheckpoint, List<String> heldNotes, List<Divergence> found,
            long start) throws SQLException {
        List<VerifierKey> keys = trustedKeys(c, found);
        List<Cp> checkpoints = loadCheckpoints(c, keys, found);
        Long heldSize = addHeld(c, checkpoints, heldNotes, keys, found);
        List<RetentionRun> runs = loadRetentionRuns(c, keys, found);
        long prefix = 0;
        if (fromCheckpoint != null) {
            Cp from = checkpoints.stream().filter(cp -> cp.number() > 0 && cp.number() == fromCheckpoint).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Checkpoint #" + fromCheckpoint
                            + " does not exist or does not verify; valid: "
                            + checkpoints.stream().filter(cp -> cp.number() > 0).map(cp -> "#" + cp.number()).toList()));
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
                        if (runs.stream().noneMatch(r -> r.seq() > seq && r.event().covers(seq)
                                && time.isBefore(r.event().cutoff()))) {
                            add(found, new Divergence(Kind.PAYLOAD_REMOVED_WITHOUT_RETENTION, seq, null,
                                    "The payload of event seq " + seq + " (" + type + ", " + time + ") was removed, but "
                                            + "no signed retention event covers it: it names no range holding seq "
                                            + seq + " with a cutoff after the event's time"));
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
            if (cp.held()) {
                add(found, new Divergence(Kind.ROLLBACK, tree.size() + 1, cp.size(), cp.number() > 0 ? cp.number() : null,
                        "The log holds " + tree.size() + " events, but " + cp.describe() + " shows there were "
                                + cp.size() + ": events seq " + (tree.size() + 1) + " to " + cp.size()
                                + " were removed (the log was rolled back)"));
            } else {
                add(found, new Divergence(Kind.CHECKPOINT_BEYOND_LOG, tree.size() + 1, cp.size(), cp.number(),
                        "Checkpoint #" + cp.number() + " signed " + cp.size() + " events, but the log holds only "
                                + tree.size() + ": events after seq " + tree.size() + " were deleted"));
            }
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
        found.sort(Comparator.comparing((Divergence d) -> d.kind() == Kind.CHECKPOINT_SIGNATURE
                || d.kind() == Kind.CHECKPOINT_DELETED || d.kind() == Kind.HELD_CHECKPOINT_UNVERIFIABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Report(found.isEmpty(), tree.size(), payloads, checkpoints.size(), tree.size(),
                Hashes.hex(tree.root()), fromCheckpoint, heldSize, List.copyOf(found), millis);
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
            } else if (cp.held()) {
                add(found, new Divergence(Kind.HELD_CHECKPOINT_MISMATCH, lastGood + 1, cp.size(),
                        cp.number() > 0 ? cp.number() : null, "The events do not lead to the root of " + cp.describe()
                                + ": events between seq " + (lastGood + 1) + " and " + cp.size() + " were rewritten "
                                + "(with their hashes) after it was signed; seq 1 to " + lastGood
                                + " still match " + (lastGood == 0 ? "(no earlier signed checkpoint matches)"
                                        : "a signed checkpoint")));
            } else {
                add(found, new Divergence(Kind.CHECKPOINT_ROOT_MISMATCH, lastGood + 1, cp.size(), cp.number(),
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
        try (PreparedStatement ps = c.prepareStatement("select k.vkey, k.audit_seq, e.event_type, e.payload_sha256, "
                + "e.payload::text from audit_signing_keys k left join audit_events e on e.seq = k.audit_seq "
                + "order by k.audit_seq");
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
                if (AuditKeyRegistry.ROTATED_EVENT.equals(rs.getString(3))) {
                    String problem = AuditKeyRegistry.checkRotation(rs.getString(5), rs.getString(4), registered, keys);
                    if (problem != null) {
                        add(found, new Divergence(Kind.SIGNING_KEY_NOT_AUDITED, seq, null, "Signing key "
                                + registered.name() + " was introduced by the key rotation event seq " + seq
                                + ", which is not valid: " + problem));
                    } else if (!registered.encoded().equals(key.encoded())) {
                        keys.add(registered);
                    }
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

    private List<Cp> loadCheckpoints(Connection c, List<VerifierKey> keys, List<Divergence> found) throws SQLException {
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
                    out.add(new Cp(id, cp.treeSize(), cp.rootHash(), false, cp.time()));
                } catch (IllegalArgumentException e) {
                    add(found, new Divergence(Kind.CHECKPOINT_SIGNATURE, null, id, "Checkpoint #" + id
                            + " does not verify: " + e.getMessage()));
                }
            }
        }
        return out;
    }

    /**
     * Adds the checkpoints the auditor holds to {@code checkpoints} (marking a stored one that is the same checkpoint
     * as held) and reports a held one that is missing from the database; returns the largest held size.
     */
    private @Nullable Long addHeld(Connection c, List<Cp> checkpoints, List<String> heldNotes, List<VerifierKey> keys,
            List<Divergence> found) throws SQLException {
        if (heldNotes.isEmpty()) {
            return null;
        }
        String origin;
        try (PreparedStatement ps = c.prepareStatement("select log_id from audit_head where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            origin = "hallmark.audit/" + rs.getString(1);
        }
        Long largest = null;
        for (String note : heldNotes) {
            Checkpoint held;
            try {
                held = Checkpoint.verify(note, keys);
            } catch (IllegalArgumentException e) {
                add(found, new Divergence(Kind.HELD_CHECKPOINT_UNVERIFIABLE, null, null, "A checkpoint you hold does "
                        + "not verify with the platform's keys (" + e.getMessage() + "); if the key registry was "
                        + "edited, pin the key that signed it"));
                continue;
            }
            if (!held.origin().equals(origin)) {
                add(found, new Divergence(Kind.HELD_CHECKPOINT_UNVERIFIABLE, null, null, "The checkpoint of size "
                        + held.treeSize() + " you hold is of log " + held.origin() + ", not of this log " + origin));
                continue;
            }
            largest = largest == null ? held.treeSize() : Math.max(largest, held.treeSize());
            boolean stored = false;
            for (int i = 0; i < checkpoints.size(); i++) {
                Cp cp = checkpoints.get(i);
                if (cp.size() == held.treeSize() && Arrays.equals(cp.root(), held.rootHash())) {
                    checkpoints.set(i, new Cp(cp.number(), cp.size(), cp.root(), true, cp.time()));
                    stored = true;
                }
            }
            if (!stored) {
                checkpoints.add(new Cp(0, held.treeSize(), held.rootHash(), true, held.time()));
                add(found, new Divergence(Kind.CHECKPOINT_DELETED, held.treeSize(), null, "The checkpoint of size "
                        + held.treeSize() + " signed " + held.time() + " that you hold is not in the database: it was "
                        + "deleted"));
            }
        }
        checkpoints.sort(Comparator.comparingLong(Cp::size).thenComparing(cp -> cp.number() == 0 ? Long.MAX_VALUE
                : cp.number()));
        return largest;
    }

    /**
     * Every signed retention event whose payload is intact, whose leaf matches its fields, and whose signature,
     * setting and cutoff check out; a retention event that fails is reported (a removed payload it would cover then
     * counts as removed without retention).
     */
    private static List<RetentionRun> loadRetentionRuns(Connection c, List<VerifierKey> keys, List<Divergence> found)
            throws SQLException {
        List<RetentionRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, event_time, actor, subject, payload::text, "
                + "payload_sha256, leaf_hash from audit_events where event_type = ? and payload_removed_at is null "
                + "order by seq")) {
            ps.setString(1, RetentionEvent.TYPE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    Instant time = rs.getTimestamp(2).toInstant();
                    String payloadSha = rs.getString(6);
                    if (!payloadHash(rs.getString(5)).equals(payloadSha) || !Hashes.hex(EventHashing.leafHash(seq,
                            time, rs.getString(3), RetentionEvent.TYPE, rs.getString(4), payloadSha)).equals(rs.getString(7))) {
                        continue; // reported where the events are streamed
                    }
                    try {
                        out.add(new RetentionRun(seq, RetentionEvent.verify(rs.getString(5), time, keys)));
                    } catch (IllegalArgumentException e) {
                        add(found, new Divergence(Kind.RETENTION_EVENT_INVALID, seq, null, "Retention event seq " + seq
                                + " is not valid: " + e.getMessage()));
                    }
                }
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
