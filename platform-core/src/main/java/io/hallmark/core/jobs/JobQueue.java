package io.hallmark.core.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.Modality;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.persistence.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generation jobs in PostgreSQL, shared by every node: workers claim the oldest ready job with
 * {@code FOR UPDATE SKIP LOCKED} under a lease they renew by heartbeat. A job whose lease expires (its worker
 * crashed) is claimed again and resumes after its last completed step. Every state change after the claim is
 * fenced by the lease owner, so a worker that lost its lease cannot complete the job: a job completes exactly once.
 * Every claim counts an attempt, re-claims after an expired lease too, so a job whose process dies on every attempt
 * is dead-lettered after its attempt limit instead of running forever.
 */
public final class JobQueue {

    /** How the queue behaves. */
    public record Settings(int capacityPerQueue, Duration lease, int maxAttempts, Duration retryBackoff) {

        public static Settings defaults() {
            return new Settings(100, Duration.ofSeconds(30), 3, Duration.ofSeconds(2));
        }
    }

    /** What a heartbeat learns: whether the worker still holds the job and whether it should stop. */
    public enum Lease { HELD, CANCEL_REQUESTED, LOST }

    /** How many attempts of one job may go uncounted because the database went away under them. */
    static final int MAX_UNCOUNTED_RELEASES = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private final Database db;
    private final Settings settings;
    private final List<Runnable> depthListeners = new CopyOnWriteArrayList<>();

    public JobQueue(Database db, Settings settings) {
        this.db = db;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Queues a generation: creates its content item (PENDING) and the job (QUEUED) in one transaction.
     *
     * @param queue the queue, normally the plugin id
     * @throws QueueFullException when the queue already holds its capacity
     */
    public JobView submit(String queue, Modality modality, String prompt, Map<String, Object> request, int priority,
            @Nullable Instant deadline, String actor) {
        return submit(NewJob.builder(queue, modality, prompt, request).priority(priority).deadline(deadline).actor(actor)
                .build()).job();
    }

    /**
     * Queues a generation: its content item (PENDING), the job (QUEUED), its idempotency key and whatever
     * {@link NewJob#inTransaction()} writes (the {@code generation.requested} audit event) commit in one transaction or
     * not at all. A submission whose idempotency key was used before by the same actor with the same request returns
     * that job and writes nothing.
     *
     * @throws QueueFullException when the queue already holds its capacity
     * @throws IdempotencyConflictException when the key was used before with a different request
     */
    public Submitted submit(NewJob newJob) {
        UUID jobId = Ids.newId();
        UUID itemId = Ids.newId();
        String queue = newJob.queue();
        Map<String, Object> request = newJob.request();
        UUID earlier = sql(c -> {
            c.setAutoCommit(false);
            try {
                IdempotencyKey key = newJob.idempotency();
                if (key != null) {
                    UUID existing = earlierJob(c, newJob.actor(), key);
                    if (existing != null) {
                        c.commit();
                        return existing;
                    }
                }
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "queue:" + queue);
                    lock.execute();
                }
                try (PreparedStatement count = c.prepareStatement(
                        "select count(*) from generation_jobs where queue = ? and state in ('QUEUED', 'RUNNING')")) {
                    count.setString(1, queue);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= settings.capacityPerQueue()) {
                            throw new QueueFullException(queue, settings.capacityPerQueue(), settings.retryBackoff());
                        }
                    }
                }
                try (PreparedStatement item = c.prepareStatement("""
                        insert into content_items (id, modality, prompt, plugin_id, parameters, seed, status, created_by,
                                                   created_at, updated_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, 'PENDING', ?, now(), now())""")) {
                    item.setObject(1, itemId);
                    item.setString(2, newJob.modality().name());
                    item.setString(3, newJob.prompt());
                    item.setString(4, queue);
                    item.setString(5, json(request.getOrDefault("parameters", Map.of())));
                    Object seed = request.get("seed");
                    item.setObject(6, seed instanceof Number n ? n.longValue() : null);
                    item.setString(7, newJob.actor());
                    item.executeUpdate();
                }
                try (PreparedStatement job = c.prepareStatement("""
                        insert into generation_jobs (id, content_item_id, state, request, priority, max_attempts, queue,
                                                     deadline_at, created_by, created_at, updated_at)
                        values (?, ?, 'QUEUED', ?::jsonb, ?, ?, ?, ?, ?, now(), now())""")) {
                    job.setObject(1, jobId);
                    job.setObject(2, itemId);
                    job.setString(3, json(request));
                    job.setInt(4, newJob.priority());
                    job.setInt(5, settings.maxAttempts());
                    job.setString(6, queue);
                    job.setTimestamp(7, newJob.deadline() == null ? null : Timestamp.from(newJob.deadline()));
                    job.setString(8, newJob.actor());
                    job.executeUpdate();
                }
                try (PreparedStatement event = c.prepareStatement("""
                        insert into job_events (job_id, seq, event_type, data, created_at)
                        values (?, 1, 'queued', ?::jsonb, now())""")) {
                    // in the submit's transaction: no worker can see the job, and write 'started', before it
                    event.setObject(1, jobId);
                    event.setString(2, json(Map.of("queue", queue)));
                    event.executeUpdate();
                }
                if (key != null) {
                    try (PreparedStatement remember = c.prepareStatement("""
                            insert into generation_idempotency (actor, idempotency_key, request_sha256, job_id, created_at)
                            values (?, ?, ?, ?, now())""")) {
                        remember.setString(1, newJob.actor());
                        remember.setString(2, key.key());
                        remember.setString(3, key.requestSha256());
                        remember.setObject(4, jobId);
                        remember.executeUpdate();
                    }
                }
                newJob.inTransaction().write(c, jobId, itemId);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(c, e);
                throw e;
            }
            return null;
        });
        if (earlier != null) {
            return new Submitted(get(earlier), true);
        }
        depthChanged();
        return new Submitted(get(jobId), false);
    }

    /**
     * The job an earlier submission with this key created, or {@code null}; holds a lock on the key until the caller's
     * transaction ends, so two submissions racing with one key create one job.
     */
    private static @Nullable UUID earlierJob(Connection c, String actor, IdempotencyKey key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "idempotency:" + actor + "\n" + key.key());
            lock.execute();
        }
        try (PreparedStatement q = c.prepareStatement(
                "select request_sha256, job_id from generation_idempotency where actor = ? and idempotency_key = ?")) {
            q.setString(1, actor);
            q.setString(2, key.key());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                UUID job = rs.getObject(2, UUID.class);
                if (!rs.getString(1).equals(key.requestSha256())) {
                    throw new IdempotencyConflictException(key.key(), job);
                }
                return job;
            }
        }
    }

    /**
     * Claims the oldest ready job (queued, or running under an expired lease with attempts left), if any. Each claim
     * counts an attempt, a re-claim after an expired lease too; a running job whose lease expired on its last attempt
     * (its worker's process died every time) is dead-lettered first instead of running again.
     */
    public Optional<ClaimedJob> claim(String worker) {
        deadLetterExhausted();
        return sql(c -> {
            try (PreparedStatement claim = c.prepareStatement("""
                    update generation_jobs j
                       set state = 'RUNNING', lease_owner = ?, lease_expires_at = now() + make_interval(secs => ?),
                           heartbeat_at = now(), attempts = attempts + 1, started_at = coalesce(started_at, now()),
                           updated_at = now()
                     where j.id = (select id from generation_jobs
                                    where (state = 'QUEUED' and (not_before is null or not_before <= now()))
                                       or (state = 'RUNNING' and lease_expires_at < now()
                                           and attempts < max_attempts)
                                    order by priority desc, created_at
                                    limit 1
                                    for update skip locked)
                    returning j.id, j.content_item_id, j.request, j.attempts, j.max_attempts, j.current_step,
                              j.step_state, j.deadline_at""")) {
                claim.setString(1, worker);
                claim.setDouble(2, settings.lease().toMillis() / 1000.0);
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp deadline = rs.getTimestamp(8);
                    return Optional.of(new ClaimedJob(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            map(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getString(6), map(rs.getString(7)),
                            deadline == null ? null : deadline.toInstant()));
                }
            }
        });
    }

    /**
     * Dead-letters every running job whose lease expired on its last attempt: its worker stopped without finishing
     * (the process was killed, or lost the database) as many times as the job may run, so running it again would
     * likely kill another process. The error names the plugin, the attempts and the last step that completed.
     *
     * @return the jobs dead-lettered
     */
    public List<UUID> deadLetterExhausted() {
        List<UUID> dead = new ArrayList<>();
        while (true) {
            UUID job = sql(c -> {
                c.setAutoCommit(false);
                try {
                    UUID id;
                    String cause;
                    try (PreparedStatement pick = c.prepareStatement("""
                            select id, queue, request ->> 'pluginId', attempts, current_step, error from generation_jobs
                             where state = 'RUNNING' and lease_expires_at < now() and attempts >= max_attempts
                             limit 1 for update skip locked""");
                            ResultSet rs = pick.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return null;
                        }
                        id = rs.getObject(1, UUID.class);
                        String plugin = rs.getString(3) != null ? rs.getString(3) : rs.getString(2);
                        String step = rs.getString(5);
                        String earlier = rs.getString(6);
                        cause = "Attempt limit reached: plugin '" + plugin + "' ran " + rs.getInt(4) + " times and its "
                                + "worker stopped without finishing each time (process killed or lease lost) "
                                + (step == null ? "before the first step completed" : "after step '" + step + "'")
                                + "; not retried again" + (earlier == null ? "" : "; earlier error: " + earlier);
                    }
                    try (PreparedStatement end = c.prepareStatement("""
                            update generation_jobs set state = 'DEAD', error = ?, lease_owner = null,
                                   lease_expires_at = null, finished_at = now(), updated_at = now()
                             where id = ?""")) {
                        end.setString(1, cause);
                        end.setObject(2, id);
                        end.executeUpdate();
                    }
                    try (PreparedStatement item = c.prepareStatement("""
                            update content_items set status = 'FAILED', updated_at = now()
                             where id = (select content_item_id from generation_jobs where id = ?)
                               and status in ('PENDING', 'GENERATING', 'CHECKING')""")) {
                        item.setObject(1, id);
                        item.executeUpdate();
                    }
                    c.commit();
                    log.warn("Job {} dead-lettered: {}", id, cause);
                    appendEvent(id, "finished", Map.of("state", "DEAD", "error", cause));
                    return id;
                } catch (SQLException | RuntimeException e) {
                    rollbackKeeping(c, e);
                    throw e;
                }
            });
            if (job == null) {
                if (!dead.isEmpty()) {
                    depthChanged();
                }
                return dead;
            }
            dead.add(job);
        }
    }

    /**
     * Gives a job back to the queue without counting the attempt, because the platform's own database failed under it
     * (not the job); false when the worker no longer holds it. At most {@value #MAX_UNCOUNTED_RELEASES} attempts of a
     * job go uncounted, so a job that takes the database down with it still reaches its attempt limit.
     */
    public boolean release(UUID job, String worker, String cause) {
        Boolean counted = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    with uncounted as (
                        select count(*) as n from job_events
                         where job_id = ? and event_type = 'retry' and data ->> 'attemptCounted' = 'false')
                    update generation_jobs
                       set state = 'QUEUED', error = ?,
                           attempts = case when (select n from uncounted) < ? then greatest(attempts - 1, 0)
                                           else attempts end,
                           lease_owner = null, lease_expires_at = null,
                           not_before = now() + make_interval(secs => ?), updated_at = now()
                     where id = ? and lease_owner = ? and state = 'RUNNING'
                    returning (select n from uncounted) >= ?""")) {
                ps.setObject(1, job);
                ps.setString(2, cause);
                ps.setInt(3, MAX_UNCOUNTED_RELEASES);
                ps.setDouble(4, settings.retryBackoff().toMillis() / 1000.0);
                ps.setObject(5, job);
                ps.setString(6, worker);
                ps.setInt(7, MAX_UNCOUNTED_RELEASES);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBoolean(1) : null;
                }
            }
        });
        if (counted != null) {
            appendEvent(job, "retry", Map.of("error", cause, "attemptCounted", counted.toString(),
                    "backoffMillis", settings.retryBackoff().toMillis()));
        }
        return counted != null;
    }

    /** Renews the lease; says whether the worker still holds the job and whether it was asked to stop. */
    public Lease heartbeat(UUID job, String worker) {
        return sql(c -> {
            try (PreparedStatement beat = c.prepareStatement("""
                    update generation_jobs set lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now()
                     where id = ? and lease_owner = ? and state = 'RUNNING'
                    returning cancel_requested""")) {
                beat.setDouble(1, settings.lease().toMillis() / 1000.0);
                beat.setObject(2, job);
                beat.setString(3, worker);
                try (ResultSet rs = beat.executeQuery()) {
                    if (!rs.next()) {
                        return Lease.LOST;
                    }
                    return rs.getBoolean(1) ? Lease.CANCEL_REQUESTED : Lease.HELD;
                }
            }
        });
    }

    /** Records a completed step and what it produced, so a later attempt resumes after it. */
    public boolean saveStep(UUID job, String worker, String step, Map<String, Object> state) {
        return update("""
                update generation_jobs set current_step = ?, step_state = ?::jsonb, updated_at = now()
                 where id = ? and lease_owner = ? and state = 'RUNNING'""", step, json(state), job, worker) == 1;
    }

    /**
     * Ends a job the worker holds in a final state; false when the worker lost its lease (another worker has the
     * job, or it was finished already), in which case nothing changes.
     */
    public boolean finish(UUID job, String worker, String state, @Nullable String error) {
        boolean done = sql(c -> {
            c.setAutoCommit(false);
            try {
                int ended;
                try (PreparedStatement ps = c.prepareStatement("""
                        update generation_jobs set state = ?, error = ?, lease_owner = null, lease_expires_at = null,
                               finished_at = now(), updated_at = now()
                         where id = ? and lease_owner = ? and state = 'RUNNING'""")) {
                    ps.setString(1, state);
                    ps.setString(2, error);
                    ps.setObject(3, job);
                    ps.setString(4, worker);
                    ended = ps.executeUpdate();
                }
                if (ended == 1 && List.of("CANCELLED", "FAILED", "DEAD").contains(state)) {
                    // the item never reached a decision: it says so (in the same transaction) instead of 'generating'
                    try (PreparedStatement ps = c.prepareStatement("""
                            update content_items set status = ?, updated_at = now()
                             where id = (select content_item_id from generation_jobs where id = ?)
                               and status in ('PENDING', 'GENERATING', 'CHECKING')""")) {
                        ps.setString(1, state.equals("CANCELLED") ? "CANCELLED" : "FAILED");
                        ps.setObject(2, job);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return ended == 1;
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(c, e);
                throw e;
            }
        });
        if (done) {
            depthChanged();
            appendEvent(job, "finished", error == null ? Map.of("state", state) : Map.of("state", state, "error", error));
        }
        return done;
    }

    /**
     * Records a failed attempt: a retriable failure with attempts left goes back to the queue after a backoff that
     * doubles each time; otherwise the job is dead-lettered (DEAD) with its cause.
     */
    public boolean fail(UUID job, String worker, String cause, boolean retriable, int attempt, int maxAttempts) {
        if (retriable && attempt < maxAttempts) {
            Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(10, attempt - 1));
            boolean requeued = update("""
                    update generation_jobs set state = 'QUEUED', error = ?, lease_owner = null, lease_expires_at = null,
                           not_before = now() + make_interval(secs => ?), updated_at = now()
                     where id = ? and lease_owner = ? and state = 'RUNNING'""", cause,
                    backoff.toMillis() / 1000.0, job, worker) == 1;
            if (requeued) {
                appendEvent(job, "retry", Map.of("attempt", attempt, "error", cause, "backoffMillis", backoff.toMillis()));
            }
            return requeued;
        }
        return finish(job, worker, "DEAD", cause);
    }

    /** Asks for a job to stop: a queued job is cancelled at once, a running one when its worker next checks. */
    public JobView cancel(UUID job) {
        int queued = update("""
                update generation_jobs set state = 'CANCELLED', cancel_requested = true, finished_at = now(),
                       updated_at = now()
                 where id = ? and state = 'QUEUED'""", job);
        if (queued == 1) {
            depthChanged();
            update("update content_items set status = 'CANCELLED', updated_at = now() where id = "
                    + "(select content_item_id from generation_jobs where id = ?)", job);
            appendEvent(job, "finished", Map.of("state", "CANCELLED"));
        } else {
            update("update generation_jobs set cancel_requested = true, updated_at = now() where id = ? and state = 'RUNNING'",
                    job);
        }
        return get(job);
    }

    public JobView get(UUID job) {
        return find(job).orElseThrow(() -> new NotFoundException("job", job.toString(), "No generation job " + job));
    }

    public Optional<JobView> find(UUID job) {
        return sql(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    select id, content_item_id, state, queue, attempts, max_attempts, current_step, error, request,
                           created_at, started_at, finished_at, cancel_requested
                      from generation_jobs where id = ?""")) {
                q.setObject(1, job);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new JobView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                            rs.getString(8), map(rs.getString(9)), rs.getTimestamp(10).toInstant(),
                            instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getBoolean(13)));
                }
            }
        });
    }

    /**
     * Calls {@code listener} each time this node changes how many jobs wait or run (a submit, a finish, a cancel, a
     * dead letter), so a metric never lags behind this node's own changes.
     */
    public void onDepthChange(Runnable listener) {
        depthListeners.add(listener);
    }

    private void depthChanged() {
        for (Runnable l : depthListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("Queue depth listener failed: {}", e.toString());
            }
        }
    }

    /** Jobs waiting or running in every queue together. */
    public long totalDepth() {
        return sql(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "select count(*) from generation_jobs where state in ('QUEUED', 'RUNNING')");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Jobs waiting or running per queue. */
    public Map<String, Long> depth() {
        return sql(c -> {
            Map<String, Long> depth = new java.util.TreeMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select queue, count(*) from generation_jobs where state in ('QUEUED', 'RUNNING') group by queue");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    depth.put(rs.getString(1), rs.getLong(2));
                }
            }
            return depth;
        });
    }

    /** Appends a progress event; numbering is per job and gap-free. */
    public void appendEvent(UUID job, String type, Map<String, Object> data) {
        sql(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into job_events (job_id, seq, event_type, data, created_at)
                    select ?, coalesce(max(seq), 0) + 1, ?, ?::jsonb, now() from job_events where job_id = ?""")) {
                insert.setObject(1, job);
                insert.setString(2, type);
                insert.setString(3, json(data));
                insert.setObject(4, job);
                insert.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) { // two appends raced for the same number: take the next
                    return sql(c2 -> {
                        appendEvent(job, type, data);
                        return null;
                    });
                }
                throw e;
            }
            return null;
        });
    }

    /** Events after {@code afterSeq}, in order. */
    public List<JobEvent> events(UUID job, int afterSeq) {
        return sql(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "select seq, event_type, data, created_at from job_events where job_id = ? and seq > ? order by seq")) {
                q.setObject(1, job);
                q.setInt(2, afterSeq);
                List<JobEvent> events = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        events.add(new JobEvent(rs.getInt(1), rs.getString(2), map(rs.getString(3)),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
                return events;
            }
        });
    }

    private int update(String statement, Object... params) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Rolls back after {@code failure}; a rollback that fails too (the connection broke, which is often why the work
     * failed) is kept as suppressed, so the original cause, the one that tells a lost database from bad work, is the
     * one that propagates.
     */
    private static void rollbackKeeping(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(SqlWork<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Job queue: " + e.getMessage(), e);
        }
    }

    static String json(Object value) {
        try {
            return io.hallmark.core.db.JsonbText.storable(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serializable: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> map(@Nullable String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON in the job table: " + e.getMessage(), e);
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
