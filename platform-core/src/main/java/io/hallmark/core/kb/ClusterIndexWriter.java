package io.hallmark.core.kb;

import io.hallmark.api.HallmarkException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.index.ChunkIndex;
import io.hallmark.retrieval.index.IndexedSource;
import io.hallmark.retrieval.record.SourceChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one knowledge base's record into its search cluster index ({@code retrieval-backend=solrcloud}), which every
 * node shares: the node that ingests writes the record's new changes after its transaction committed
 * ({@link #writeNewChanges}), and a node that opens the knowledge base repairs the cluster index when it is empty or
 * behind the record ({@link #reconcile}). Writers on every node take one PostgreSQL advisory lock per knowledge base,
 * so the cluster receives changes in the record's order: each pass writes every change after the newest one the
 * cluster index holds, up to the newest committed, and so ends with the record's newest version of each source it
 * touches. After each batch the writer records that change in {@code kb_cluster_written} (V125): every node reports
 * it as the version it searches ({@link #written}), and a node whose follower finds the cluster index behind the
 * record for a while, with no writer at work, writes the missing changes itself ({@link #repairIfIdle}), so a write
 * that failed after the record committed is neither reported as done nor left until the next ingest.
 */
final class ClusterIndexWriter {

    private static final Logger log = LoggerFactory.getLogger(ClusterIndexWriter.class);
    private static final int PAGE = 1000;

    private final DataSource dataSource;
    private final String name;
    private final KnowledgeBase kb;
    private final PostgresKnowledgeRecord record;
    /**
     * The newest change this node has written to the cluster (or found there at open); guarded by this. Used only when
     * {@code kb_cluster_written} has no row for the knowledge base.
     */
    private long writtenUpTo = -1;

    ClusterIndexWriter(DataSource dataSource, String name, KnowledgeBase kb, PostgresKnowledgeRecord record) {
        this.dataSource = dataSource;
        this.name = name;
        this.kb = kb;
        this.record = record;
    }

    /**
     * Writes the record's changes after the newest one the cluster index holds (waiting for another node's writer);
     * returns the newest change written.
     */
    synchronized long writeNewChanges() {
        locked(true, this::writeLocked);
        return writtenUpTo;
    }

    /**
     * Writes the record's changes the cluster index lacks, unless another node's writer is at work (then it does
     * nothing: that writer brings the cluster up to date); returns the newest change the cluster index holds.
     */
    synchronized long repairIfIdle() {
        if (locked(false, () -> {
            long from = written();
            if (record.sequence() > from) {
                log.warn("Knowledge base '{}': its cluster index {} holds change {} of the record's {}, and no node is "
                        + "writing it; writing the missing changes from this node", name, kb.index().path(), from,
                        record.sequence());
                writeLocked();
            }
        })) {
            return writtenUpTo;
        }
        return written();
    }

    private void writeLocked() {
        long recorded = written();
        writtenUpTo = recorded >= 0 ? recorded : writtenUpTo;
        long[] applied = {writtenUpTo};
        // each batch is recorded after the record's read connection is back in the pool: recording inside the read
        // took a second connection while holding the first, and concurrent writers could exhaust the pool
        while (record.changesAfter(writtenUpTo, KnowledgeBases.CHANGE_BATCH, (sequence, changes) -> {
            kb.apply(sequence, changes);
            applied[0] = sequence;
        }) > 0) {
            writtenUpTo = applied[0];
            recordWritten(applied[0]);
        }
    }

    /**
     * The newest change of the record the cluster index holds, as its writers recorded it; -1 when none was recorded
     * (a collection written before V125, until a node opens the knowledge base).
     */
    long written() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sequence from kb_cluster_written where kb = ?")) {
            s.setString(1, name);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read which change of knowledge base '" + name + "' its cluster index "
                    + "holds: " + e.getMessage(), e);
        }
    }

    /**
     * Records that the cluster index holds the record up to {@code sequence} (called holding the writer lock), and
     * notifies {@link PostgresKnowledgeRecord#CHANNEL}, so that other nodes report the new version at once instead of
     * at their next poll (the record's own notification came before the collection held the change).
     */
    private void recordWritten(long sequence) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into kb_cluster_written (kb, sequence) values (?, ?)
                on conflict (kb) do update set sequence = excluded.sequence, written_at = now()""");
                PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
            c.setAutoCommit(false);
            s.setString(1, name);
            s.setLong(2, sequence);
            s.executeUpdate();
            notify.setString(1, PostgresKnowledgeRecord.CHANNEL);
            notify.setString(2, name + ":" + sequence);
            notify.execute();
            c.commit();
        } catch (SQLException e) {
            throw new HallmarkException("Cannot record that the cluster index of knowledge base '" + name + "' holds "
                    + "change " + sequence + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the cluster index hold what the record holds: fills an empty one from the record's snapshot; otherwise
     * compares every source's content hash and writes only the sources that differ (and deletes those the record no
     * longer has). A cluster index that matches is left alone: no node rebuilds it from scratch.
     */
    synchronized void reconcile() {
        locked(true, () -> {
            long recorded = record.sequence();
            ChunkIndex index = kb.index();
            if (recorded == 0) {
                kb.apply(0, List.of());
            } else if (index.stats().chunks() == 0) {
                log.info("Knowledge base '{}': its cluster index {} is empty; writing the record (change {}) into it",
                        name, index.path(), recorded);
                kb.rebuild(sink -> record.snapshot(total -> { }, sink));
            } else {
                repair(index, recorded);
            }
            writtenUpTo = kb.appliedSequence();
            recordWritten(writtenUpTo);
        });
    }

    private void repair(ChunkIndex index, long recorded) {
        Map<String, String> wanted = record.storedHashes();
        Map<String, String> held = clusterHashes(index);
        Set<String> stale = new HashSet<>();
        wanted.forEach((id, hash) -> {
            if (!hash.equals(held.get(id))) {
                stale.add(id);
            }
        });
        List<SourceChange> changes = new ArrayList<>();
        held.keySet().stream().filter(id -> !wanted.containsKey(id)).forEach(id -> changes.add(new SourceChange.Delete(id)));
        if (stale.isEmpty() && changes.isEmpty()) {
            kb.apply(recorded, List.of());
            return;
        }
        log.info("Knowledge base '{}': its cluster index {} is behind the record; writing {} sources and deleting {}",
                name, index.path(), stale.size(), changes.size());
        long sequence = record.snapshot(total -> { }, put -> {
            if (stale.contains(put.sourceId())) {
                changes.add(put);
            }
        });
        kb.apply(sequence, changes);
    }

    /** Every source in the cluster index with its content hash. */
    private static Map<String, String> clusterHashes(ChunkIndex index) {
        Map<String, String> out = new HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            List<IndexedSource> page = index.sources(offset, PAGE);
            out.putAll(index.sourceHashes(page.stream().map(IndexedSource::id).toList()));
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    /**
     * Runs {@code work} holding this knowledge base's cluster-writer lock (a transaction-scoped advisory lock), waiting
     * for it or, with {@code wait} false, only when it is free; answers whether it ran.
     */
    private boolean locked(boolean wait, Runnable work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(wait ? "select pg_advisory_xact_lock(hashtext(?))"
                        : "select pg_try_advisory_xact_lock(hashtext(?))")) {
                    s.setString(1, "hallmark-kb-cluster-writer:" + name);
                    try (java.sql.ResultSet rs = s.executeQuery()) {
                        if (!wait && (!rs.next() || !rs.getBoolean(1))) {
                            return false;
                        }
                    }
                }
                work.run();
                return true;
            } finally {
                c.rollback(); // releases the lock
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot take the cluster-writer lock of knowledge base '" + name + "': "
                    + e.getMessage(), e);
        }
    }
}
