package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has every new checkpoint cosigned by the configured witnesses and stores their cosignatures
 * ({@code audit_cosignatures}). For each witness it sends the consistency proof from the latest checkpoint that
 * witness cosigned (learning that size from a 409 when it does not know it), computed from the stored right edge
 * of that checkpoint and the events appended since. The policy: a checkpoint is witnessed when at least
 * {@code quorum} witnesses cosigned it; fewer is logged as an error and remembered ({@link #failures()}).
 */
public final class Witnessing {

    private static final Logger log = LoggerFactory.getLogger(Witnessing.class);

    private final DataSource dataSource;
    private final List<WitnessClient> witnesses;
    private final int quorum;
    private final Clock clock;
    private final Map<String, Long> cosignedSize = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    public Witnessing(DataSource dataSource, List<WitnessClient> witnesses, int quorum, Clock clock) {
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("audit-witness-quorum must be between 0 and the " + witnesses.size()
                    + " configured witnesses, was " + quorum);
        }
        this.dataSource = dataSource;
        this.witnesses = List.copyOf(witnesses);
        this.quorum = quorum;
        this.clock = clock;
    }

    public static Witnessing none(DataSource dataSource) {
        return new Witnessing(dataSource, List.of(), 0, Clock.systemUTC());
    }

    public List<WitnessClient> witnesses() {
        return witnesses;
    }

    public int quorum() {
        return quorum;
    }

    /** Witnesses that did not cosign the latest checkpoint, with the reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /**
     * Asks every witness to cosign {@code stored}; returns its note with the cosignatures obtained appended.
     */
    public synchronized String witness(Checkpoints.Stored stored) {
        if (witnesses.isEmpty()) {
            return stored.checkpoint().note();
        }
        List<String> lines = new ArrayList<>();
        for (WitnessClient w : witnesses) {
            try {
                String line = cosign(w, stored);
                lines.add(line);
                failures.remove(w.key().name());
            } catch (IOException | SQLException | RuntimeException e) {
                failures.put(w.key().name(), e.getMessage() == null ? e.toString() : e.getMessage());
                log.warn("Witness {} did not cosign checkpoint #{} (size {}): {}", w.key().name(), stored.number(),
                        stored.checkpoint().treeSize(), e.getMessage());
            }
        }
        if (lines.size() < quorum) {
            log.error("Audit checkpoint #{} (size {}) has {} of the {} cosignatures the policy requires",
                    stored.number(), stored.checkpoint().treeSize(), lines.size(), quorum);
        }
        return Cosignatures.withCosignatures(stored.checkpoint().note(), lines);
    }

    private String cosign(WitnessClient w, Checkpoints.Stored stored) throws IOException, SQLException {
        Checkpoint cp = stored.checkpoint();
        long old = cosignedSize.computeIfAbsent(w.key().name(), this::lastCosignedSize);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (old > cp.treeSize()) {
                throw new HallmarkException("witness " + w.key().name() + " has cosigned a checkpoint of size " + old
                        + ", larger than this one (" + cp.treeSize() + "): this log was rolled back, unless another "
                        + "node's newer checkpoint reached the witness first (then the next one here is cosigned)");
            }
            WitnessClient.Answer answer = w.addCheckpoint(old, old == 0 ? List.of() : proof(old, cp.treeSize()),
                    cp.note());
            switch (answer) {
                case WitnessClient.Answer.Cosigned c -> {
                    store(stored.number(), w.key().name(), c.line());
                    cosignedSize.put(w.key().name(), cp.treeSize());
                    return c.line();
                }
                case WitnessClient.Answer.Conflict c -> old = c.size();
                case WitnessClient.Answer.Refused r -> throw new HallmarkException("witness " + w.key().name()
                        + " refused (" + r.status() + "): " + r.message());
            }
        }
        throw new HallmarkException("witness " + w.key().name() + " kept answering with another size");
    }

    private long lastCosignedSize(String witness) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select "
                + "coalesce(max(k.tree_size), 0) from audit_cosignatures s join audit_checkpoints k on k.id = "
                + "s.checkpoint_id where s.witness = ?")) {
            ps.setString(1, witness);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read audit cosignatures: " + e.getMessage(), e);
        }
    }

    /** The consistency proof from size {@code m} (a stored checkpoint's edge) to {@code n} (the events since). */
    private List<byte[]> proof(long m, long n) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            byte[] frontier;
            try (PreparedStatement ps = c.prepareStatement("select frontier from audit_checkpoints where tree_size = ? "
                    + "and frontier is not null order by id limit 1")) {
                ps.setLong(1, m);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new HallmarkException("the witness last cosigned size " + m + ", but no checkpoint of "
                                + "that size with its tree edge is stored here: it was deleted, or the log was forked");
                    }
                    frontier = rs.getBytes(1);
                }
            }
            List<byte[]> leaves = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select leaf_hash from audit_events where seq > ? and seq <= ? order by seq")) {
                ps.setFetchSize(10_000);
                ps.setLong(1, m);
                ps.setLong(2, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        leaves.add(Hashes.fromHex(rs.getString(1)));
                    }
                }
            }
            if (leaves.size() != n - m) {
                throw new HallmarkException("events " + (m + 1) + " to " + n + " are not all stored");
            }
            return ConsistencyProofs.fromEdge(CompactRange.of(m, frontier), leaves);
        }
    }

    private void store(long checkpoint, String witness, String line) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into "
                + "audit_cosignatures (checkpoint_id, witness, signature_line, cosigned_at) values (?, ?, ?, ?) "
                + "on conflict do nothing")) {
            ps.setLong(1, checkpoint);
            ps.setString(2, witness);
            ps.setString(3, line);
            ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
