package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Signs and stores checkpoints of the audit tree. A checkpoint reads the tree's size and right edge from the
 * {@code audit_head} row (a consistent snapshot; no lock needed), so it costs O(log n) whatever the log's size.
 */
public final class Checkpoints {

    /** A stored checkpoint and its number (the row id, increasing, not necessarily contiguous). */
    public record Stored(long number, Checkpoint checkpoint) {}

    private final DataSource dataSource;
    private final Signer key;
    private final Clock clock;
    private final @Nullable AuditKeyRegistry registry;
    private volatile String origin;
    private volatile java.util.function.Consumer<Stored> onCreate = s -> { };

    public Checkpoints(DataSource dataSource, Signer key, Clock clock) {
        this(dataSource, key, clock, null);
    }

    /**
     * @param registry the keys of every node sharing the database (this node's is registered before its first
     *     checkpoint); {@code null} trusts this node's key only
     */
    public Checkpoints(DataSource dataSource, Signer key, Clock clock, @Nullable AuditKeyRegistry registry) {
        this.dataSource = dataSource;
        this.key = key;
        this.clock = clock;
        this.registry = registry;
    }

    /** The log's origin line, {@code hallmark.audit/<log id>}; the log id is made once by the migration. */
    public String origin() {
        String o = origin;
        if (o == null) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select log_id from audit_head where id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                o = "hallmark.audit/" + rs.getString(1);
                origin = o;
            } catch (SQLException e) {
                throw new HallmarkException("Cannot read the audit log id: " + e.getMessage(), e);
            }
        }
        return o;
    }

    /** Runs {@code listener} after each checkpoint is stored (publishing it to sinks and witnesses). */
    public void onCreate(java.util.function.Consumer<Stored> listener) {
        this.onCreate = listener;
    }

    /** Signs and stores a checkpoint of the tree as it is now, even when nothing was appended since the last. */
    public Stored create() {
        if (registry != null) {
            registry.ensureRegistered();
        }
        Stored stored;
        try (Connection c = dataSource.getConnection()) {
            long size;
            byte[] frontier;
            try (PreparedStatement ps = c.prepareStatement("select tree_size, frontier from audit_head where id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                size = rs.getLong(1);
                frontier = rs.getBytes(2);
            }
            byte[] root = CompactRange.of(size, frontier).root();
            Checkpoint cp = Checkpoint.sign(origin(), size, root, clock.instant(), key);
            try (PreparedStatement ins = c.prepareStatement("insert into audit_checkpoints (tree_size, root_hash, "
                    + "origin, key_name, signed_note, created_at, frontier) values (?, ?, ?, ?, ?, ?, ?) returning id")) {
                ins.setLong(1, size);
                ins.setString(2, cp.rootHashHex());
                ins.setString(3, cp.origin());
                ins.setString(4, key.name());
                ins.setString(5, cp.note());
                ins.setObject(6, cp.time().atOffset(ZoneOffset.UTC));
                ins.setBytes(7, frontier);
                try (ResultSet rs = ins.executeQuery()) {
                    rs.next();
                    stored = new Stored(rs.getLong(1), cp);
                }
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot create an audit checkpoint: " + e.getMessage(), e);
        }
        onCreate.accept(stored); // witnesses and sinks, with no connection held
        return stored;
    }

    /** Creates a checkpoint only when the tree grew since the latest one; returns the new one if any. */
    public Optional<Stored> createIfGrown() {
        long size = treeSize();
        Optional<Stored> latest = latest();
        if (latest.isPresent() && latest.get().checkpoint().treeSize() >= size) {
            return Optional.empty();
        }
        return Optional.of(create());
    }

    public long treeSize() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select tree_size from audit_head where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the audit tree size: " + e.getMessage(), e);
        }
    }

    public Optional<Stored> latest() {
        List<Stored> l = query("select id, signed_note from audit_checkpoints order by id desc limit 1");
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    public Optional<Stored> byNumber(long number) {
        List<Stored> l = query("select id, signed_note from audit_checkpoints where id = ?", number);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /**
     * The latest checkpoint strictly smaller than {@code size} signed by this node's key, for a consistency proof
     * in an export bundle (which carries this node's key only).
     */
    public Optional<Stored> latestBelow(long size) {
        List<Stored> l = query("select id, signed_note from audit_checkpoints where tree_size < ? and key_name = ? "
                + "order by tree_size desc, id desc limit 1", size, key.name());
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /**
     * Every stored checkpoint, verified against the platform key, in number order.
     *
     * @throws IllegalArgumentException when a stored note does not verify
     */
    public List<Stored> all() {
        return query("select id, signed_note from audit_checkpoints order by id");
    }

    private List<Stored> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Stored> out = new ArrayList<>();
            List<VerifierKey> keys = trustedKeys();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), Checkpoint.verify(rs.getString(2), keys)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read audit checkpoints: " + e.getMessage(), e);
        }
    }

    /** The keys this log's checkpoints may be signed with: this node's and every registered one. */
    public List<VerifierKey> trustedKeys() {
        return registry != null ? registry.trustedKeys() : List.of(key.verifierKey());
    }

    /**
     * The checkpoint's note with the cosignature lines its witnesses returned appended (a signed note with several
     * signatures: the platform's and each witness's).
     */
    public String cosignedNote(Stored stored) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select signature_line from audit_cosignatures where checkpoint_id = ? order by witness")) {
            ps.setLong(1, stored.number());
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return Cosignatures.withCosignatures(stored.checkpoint().note(), lines);
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read audit cosignatures: " + e.getMessage(), e);
        }
    }

    public Signer key() {
        return key;
    }
}
