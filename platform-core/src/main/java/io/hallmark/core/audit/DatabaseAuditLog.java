package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.persistence.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in PostgreSQL.
 *
 * <p><b>Ordering.</b> Every append transaction first takes the single {@code audit_head} row
 * {@code FOR UPDATE}, reads the tree size and right edge, inserts its events with the next sequence numbers
 * and writes the new size and edge back, then commits. The row lock serializes appenders of every thread and
 * every process sharing the database; because the counter lives in the same transaction as the inserts, an
 * aborted append rolls the counter back too, so the sequence has no gaps (a PostgreSQL {@code SEQUENCE}
 * would leave gaps on rollback; an advisory lock plus {@code max(seq)} would also work but hides the
 * protocol in a lock number, and the head row also keeps the tree edge that checkpoints need).
 *
 * <p><b>Group commit.</b> The lock is held until the commit's WAL flush, so one event per transaction caps
 * throughput at one fsync per event. With group commit on (the default) callers hand events to one writer
 * thread that writes whatever has queued up, up to {@code maxBatch}, in one transaction; each caller still
 * waits until its own event is committed, so {@link #append} returns only durable events either way.
 *
 * <p><b>One round trip per batch.</b> A batch is written by one statement in auto-commit: a data-modifying
 * CTE moves the head from the size this process last wrote ({@code ... where tree_size = ?}) and inserts the
 * batch from arrays only if that update matched. The row lock is taken by that update, so the ordering
 * argument is unchanged; if another process appended in between, the update matches nothing, nothing is
 * inserted, and the batch is written again the long way ({@code SELECT ... FOR UPDATE}, insert, update,
 * commit), which also refreshes the remembered head. One statement instead of five round trips shortens
 * the time the head row is held, which is what bounds group commit (see docs/audit.md, Benchmark).
 */
public final class DatabaseAuditLog implements AuditLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAuditLog.class);
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final String INSERT = "insert into audit_events (seq, event_time, actor, event_type, subject, "
            + "payload, payload_sha256, leaf_hash) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)";

    /** An event waiting for its sequence number: its payload already in canonical form and hashed. */
    record Pending(String actor, String eventType, @Nullable String subject, Map<String, Object> payload,
            String canonicalPayload, String payloadSha256, CompletableFuture<AuditEvent> done) {}

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean groupCommit;
    private final boolean oneStatementWrite;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** The head as this process last wrote it (size and edge), for the one-statement write; guarded by itself. */
    private final Object headLock = new Object();
    private @Nullable CompactRange lastHead;
    private long oneStatementWrites;
    private final @Nullable Thread writer;
    private volatile boolean closed;

    public DatabaseAuditLog(DataSource dataSource, boolean groupCommit, int maxBatch, Clock clock) {
        this(dataSource, groupCommit, maxBatch, clock, true);
    }

    /**
     * As above; {@code oneStatementWrite = false} writes every batch the long way (lock, insert, update,
     * commit), which only {@link AuditBenchmark} uses, to show the one-statement write beside it.
     */
    DatabaseAuditLog(DataSource dataSource, boolean groupCommit, int maxBatch, Clock clock, boolean oneStatementWrite) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = clock;
        this.groupCommit = groupCommit;
        this.oneStatementWrite = oneStatementWrite;
        this.maxBatch = maxBatch;
        if (groupCommit) {
            writer = new Thread(this::writeLoop, "audit-writer");
            writer.setDaemon(true);
            writer.start();
        } else {
            writer = null;
        }
    }

    /** A log with group commit on, batches of up to 1,000 events. */
    public DatabaseAuditLog(DataSource dataSource) {
        this(dataSource, true, 1_000, Clock.systemUTC());
    }

    @Override
    public AuditEvent append(String actor, String eventType, @Nullable String subject, Map<String, Object> payload) {
        Pending p = prepare(actor, eventType, subject, payload);
        if (!groupCommit) {
            write(List.of(p));
        } else {
            if (closed) {
                throw new HallmarkException("The audit log is closed; event " + eventType + " was not recorded");
            }
            queue.add(p);
            if (closed && (writer == null || !writer.isAlive())) {
                failQueued();
            }
        }
        return await(p.done());
    }

    /** Appends several events in one transaction, with consecutive sequence numbers, in list order. */
    public List<AuditEvent> appendAll(List<NewEvent> events) {
        List<Pending> batch = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            batch.add(prepare(e.actor(), e.eventType(), e.subject(), e.payload()));
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
        List<AuditEvent> out = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            out.add(await(p.done()));
        }
        return out;
    }

    /** An event to append with {@link #appendAll}. */
    public record NewEvent(String actor, String eventType, @Nullable String subject, Map<String, Object> payload) {}

    private static Pending prepare(String actor, String eventType, @Nullable String subject, Map<String, Object> payload) {
        Objects.requireNonNull(payload, "payload");
        if (actor == null || actor.isBlank() || actor.length() > 128) {
            throw new IllegalArgumentException("Audit actor must be 1-128 characters, was '" + actor + "'");
        }
        if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("Audit event type must be a dotted lower-case name of at most 64 "
                    + "characters such as plugin.installed, was '" + eventType + "'");
        }
        if (subject != null && subject.length() > 256) {
            throw new IllegalArgumentException("Audit subject must be at most 256 characters, was " + subject.length());
        }
        String canonical = CanonicalJson.string(payload);
        return new Pending(actor, eventType, subject, payload, canonical, EventHashing.payloadSha256(canonical),
                new CompletableFuture<>());
    }

    private static AuditEvent await(CompletableFuture<AuditEvent> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new HallmarkException("Audit append failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HallmarkException("Interrupted while waiting for the audit log; the event may still be recorded", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            Pending first;
            try {
                first = closed ? queue.poll() : queue.take();
            } catch (InterruptedException e) {
                continue; // close() wakes us; what is queued is still written
            }
            if (first == null) {
                return; // closed and drained
            }
            try {
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (RuntimeException e) {
                log.error("Audit batch of {} events failed: {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Appends events inside the caller's open transaction ({@code c} with auto-commit off), so they commit or
     * roll back together with the caller's own changes (for instance a governance decision and its event).
     * The head row stays locked until the caller commits, which holds up every other appender: keep such
     * transactions short. The events are durable only once the caller commits.
     */
    @Override
    public List<AuditEvent> appendInTransaction(Connection c, List<NewEvent> events) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalArgumentException("appendInTransaction needs a connection with auto-commit off");
        }
        List<Pending> batch = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            batch.add(prepare(e.actor(), e.eventType(), e.subject(), e.payload()));
        }
        return batch.isEmpty() ? List.of() : insert(c, batch, null);
    }

    /** Writes one batch in one transaction and completes its futures (exceptionally if it fails). */
    private void write(List<Pending> batch) {
        List<AuditEvent> written;
        try (Connection c = dataSource.getConnection()) {
            synchronized (headLock) {
                written = lastHead == null || !oneStatementWrite ? null : insertIfHeadUnchanged(c, batch, lastHead);
                if (written == null) {
                    c.setAutoCommit(false);
                    try {
                        CompactRange[] headAfter = new CompactRange[1];
                        written = insert(c, batch, headAfter);
                        c.commit();
                        lastHead = headAfter[0];
                    } catch (SQLException | RuntimeException e) {
                        lastHead = null;
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            HallmarkException failure = e instanceof HallmarkException he ? he
                    : new HallmarkException("Audit append failed, nothing was recorded: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            if (!groupCommit) {
                throw failure;
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(written.get(i));
        }
    }

    private static final String INSERT_IF_HEAD_UNCHANGED = """
            with head as (
                update audit_head set tree_size = ?, frontier = ?, updated_at = ? where id = 1 and tree_size = ?
                returning tree_size)
            insert into audit_events (seq, event_time, actor, event_type, subject, payload, payload_sha256, leaf_hash)
            select b.seq, ?, b.actor, b.event_type, b.subject, b.payload::jsonb, b.payload_sha256, b.leaf_hash
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as b(seq, actor, event_type, subject, payload, payload_sha256, leaf_hash)
            where exists (select 1 from head)""";

    /**
     * The one-statement write (auto-commit): appends the batch after {@code head} if the stored head still has
     * that size. Returns the events, or null when another writer moved the head (nothing was written).
     */
    private @Nullable List<AuditEvent> insertIfHeadUnchanged(Connection c, List<Pending> batch, CompactRange head)
            throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        CompactRange edge = head.copy();
        Instant now = EventHashing.truncate(clock.instant());
        int n = batch.size();
        Long[] seqs = new Long[n];
        String[] actors = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] payloads = new String[n];
        String[] payloadHashes = new String[n];
        String[] leaves = new String[n];
        List<AuditEvent> written = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            long seq = head.size() + i + 1;
            byte[] leaf = EventHashing.leafHash(seq, now, p.actor(), p.eventType(), p.subject(), p.payloadSha256());
            edge.append(leaf);
            seqs[i] = seq;
            actors[i] = p.actor();
            types[i] = p.eventType();
            subjects[i] = p.subject();
            payloads[i] = p.canonicalPayload();
            payloadHashes[i] = p.payloadSha256();
            leaves[i] = Hashes.hex(leaf);
            written.add(new AuditEvent(seq, now, p.actor(), p.eventType(), p.subject(), p.payload(), p.payloadSha256()));
        }
        OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
        int inserted;
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_HEAD_UNCHANGED)) {
            ps.setLong(1, edge.size());
            ps.setBytes(2, edge.peaksBytes());
            ps.setObject(3, time);
            ps.setLong(4, head.size());
            ps.setObject(5, time);
            ps.setArray(6, c.createArrayOf("bigint", seqs));
            ps.setArray(7, c.createArrayOf("text", actors));
            ps.setArray(8, c.createArrayOf("text", types));
            ps.setArray(9, c.createArrayOf("text", subjects));
            ps.setArray(10, c.createArrayOf("text", payloads));
            ps.setArray(11, c.createArrayOf("text", payloadHashes));
            ps.setArray(12, c.createArrayOf("text", leaves));
            inserted = ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            lastHead = null;
            throw e;
        }
        if (inserted == 0) {
            lastHead = null;
            return null;
        }
        if (inserted != n) {
            throw new HallmarkException("Audit append wrote " + inserted + " of " + n + " events; the audit schema is damaged");
        }
        lastHead = edge;
        oneStatementWrites++;
        return written;
    }

    /** Locks the head row, inserts the batch with the next sequence numbers and moves the head; no commit. */
    private List<AuditEvent> insert(Connection c, List<Pending> batch, CompactRange @Nullable [] headAfter)
            throws SQLException {
        List<AuditEvent> written = new ArrayList<>(batch.size());
        long size;
        CompactRange edge;
        try (PreparedStatement ps = c.prepareStatement("select tree_size, frontier from audit_head where id = 1 for update");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new HallmarkException("The audit_head row is missing; the audit schema is damaged");
            }
            size = rs.getLong(1);
            edge = CompactRange.of(size, rs.getBytes(2));
        }
        Instant now = EventHashing.truncate(clock.instant());
        OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement ins = c.prepareStatement(INSERT)) {
            long seq = size;
            for (Pending p : batch) {
                seq++;
                byte[] leaf = EventHashing.leafHash(seq, now, p.actor(), p.eventType(), p.subject(), p.payloadSha256());
                edge.append(leaf);
                ins.setLong(1, seq);
                ins.setObject(2, time);
                ins.setString(3, p.actor());
                ins.setString(4, p.eventType());
                ins.setString(5, p.subject());
                ins.setString(6, p.canonicalPayload());
                ins.setString(7, p.payloadSha256());
                ins.setString(8, Hashes.hex(leaf));
                ins.addBatch();
                written.add(new AuditEvent(seq, now, p.actor(), p.eventType(), p.subject(), p.payload(), p.payloadSha256()));
            }
            ins.executeBatch();
        }
        try (PreparedStatement up = c.prepareStatement(
                "update audit_head set tree_size = ?, frontier = ?, updated_at = ? where id = 1")) {
            up.setLong(1, edge.size());
            up.setBytes(2, edge.peaksBytes());
            up.setObject(3, time);
            up.executeUpdate();
        }
        if (headAfter != null) {
            headAfter[0] = edge;
        }
        return written;
    }

    /** How many batches the one-statement write stored (the rest went the long way); for tests. */
    long oneStatementWrites() {
        synchronized (headLock) {
            return oneStatementWrites;
        }
    }

    /** Writes what is queued, then stops the writer; later appends fail. */
    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failQueued();
        }
    }

    private void failQueued() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new HallmarkException("The audit log closed before event "
                    + p.eventType() + " was written"));
        }
    }
}
