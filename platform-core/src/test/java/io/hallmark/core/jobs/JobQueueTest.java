package io.hallmark.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The durable queue's guarantees, on the real embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class JobQueueTest {

    private final Database db;
    private JobQueue queue;

    JobQueueTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void emptyQueue() {
        db.useTransaction(s -> {
            s.createNativeMutationQuery("delete from job_events").executeUpdate();
            s.createNativeMutationQuery("delete from governance_reports").executeUpdate();
            s.createNativeMutationQuery("delete from generation_jobs").executeUpdate();
            s.createNativeMutationQuery("delete from content_items").executeUpdate();
        });
        queue = new JobQueue(db, new JobQueue.Settings(5, Duration.ofSeconds(30), 3, Duration.ofMillis(10)));
    }

    private JobView submit(String queueName) {
        return queue.submit(queueName, Modality.TEXT, "a prompt", Map.of("pluginId", queueName, "modality", "TEXT",
                "prompt", "a prompt"), 0, null, "tester");
    }

    @Test
    void concurrentWorkersClaimEveryJobExactlyOnce() throws Exception {
        queue = new JobQueue(db, new JobQueue.Settings(100, Duration.ofSeconds(30), 3, Duration.ofMillis(10)));
        Set<UUID> submitted = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 40; i++) {
            submitted.add(submit("q").id());
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<List<UUID>>> results = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            results.add(workers.submit(() -> {
                List<UUID> mine = new ArrayList<>();
                for (var job = queue.claim(worker); job.isPresent(); job = queue.claim(worker)) {
                    mine.add(job.get().id());
                    assertThat(queue.finish(job.get().id(), worker, "DONE", null)).isTrue();
                }
                return mine;
            }));
        }
        List<UUID> claimed = new ArrayList<>();
        for (Future<List<UUID>> f : results) {
            claimed.addAll(f.get());
        }
        workers.shutdown();

        assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
        assertThat(Set.copyOf(claimed)).isEqualTo(submitted);
    }

    @Test
    void anExpiredLeaseIsReclaimedAndResumesAfterTheLastStepWhileTheOldWorkerIsFenced() {
        JobView job = submit("q");
        ClaimedJob first = queue.claim("worker-a").orElseThrow();
        assertThat(queue.saveStep(first.id(), "worker-a", "generate", Map.of("sha256", "abc"))).isTrue();
        db.useTransaction(s -> s.createNativeMutationQuery(
                "update generation_jobs set lease_expires_at = now() - interval '1 second'").executeUpdate());

        ClaimedJob second = queue.claim("worker-b").orElseThrow();

        assertThat(second.id()).isEqualTo(job.id());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.lastStep()).isEqualTo("generate");
        assertThat(second.stepState()).containsEntry("sha256", "abc");
        assertThat(queue.heartbeat(job.id(), "worker-a")).isEqualTo(JobQueue.Lease.LOST);
        assertThat(queue.saveStep(job.id(), "worker-a", "check", Map.of())).isFalse();
        assertThat(queue.finish(job.id(), "worker-a", "DONE", null)).as("the old worker cannot complete it").isFalse();
        assertThat(queue.finish(job.id(), "worker-b", "DONE", null)).isTrue();
        assertThat(queue.finish(job.id(), "worker-b", "DONE", null)).as("completes exactly once").isFalse();
        assertThat(queue.get(job.id()).state()).isEqualTo("DONE");
    }

    @Test
    void retriableFailuresBackOffAndExhaustedJobsAreDeadLettered() throws Exception {
        JobView job = submit("q");
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedJob claimed = awaitClaim("w");
            assertThat(claimed.attempt()).isEqualTo(attempt);
            queue.fail(claimed.id(), "w", "model busy", true, claimed.attempt(), claimed.maxAttempts());
        }

        JobView dead = queue.get(job.id());
        assertThat(dead.state()).isEqualTo("DEAD");
        assertThat(dead.error()).isEqualTo("model busy");
        assertThat(queue.events(job.id(), 0)).extracting(JobEvent::type).containsSubsequence("retry", "retry", "finished");
    }

    @Test
    void aFullQueueRefusesNewJobsWhileOtherQueuesAccept() {
        for (int i = 0; i < 5; i++) {
            submit("busy");
        }

        assertThatThrownBy(() -> submit("busy")).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("The queue for 'busy' is full (5 jobs");
        assertThat(submit("quiet").state()).isEqualTo("QUEUED");
        assertThat(queue.depth()).containsEntry("busy", 5L).containsEntry("quiet", 1L);
    }

    @Test
    void cancellingAQueuedJobEndsItAndARunningOneIsAskedToStop() {
        JobView queued = submit("q");
        assertThat(queue.cancel(queued.id()).state()).isEqualTo("CANCELLED");
        assertThat(queue.claim("w")).isEmpty();

        JobView running = submit("q");
        ClaimedJob claimed = queue.claim("w").orElseThrow();
        assertThat(queue.cancel(running.id()).cancelRequested()).isTrue();
        assertThat(queue.heartbeat(claimed.id(), "w")).isEqualTo(JobQueue.Lease.CANCEL_REQUESTED);
    }

    @Test
    void aJobWhoseWorkerDiesOnEveryAttemptIsDeadLetteredWithItsPluginNamedAndNeverRunsAgain() {
        JobView job = submit("poison-plugin");
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedJob claimed = queue.claim("process-" + attempt).orElseThrow();
            assertThat(claimed.attempt()).isEqualTo(attempt);
            expireLeases(); // the worker's process died holding the job
        }

        assertThat(queue.claim("process-4")).as("the attempt limit holds across expired leases").isEmpty();
        JobView dead = queue.get(job.id());
        assertThat(dead.state()).isEqualTo("DEAD");
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.error()).contains("Attempt limit reached", "plugin 'poison-plugin'", "ran 3 times",
                "before the first step completed");
        assertThat(queue.events(job.id(), 0)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("finished");
            assertThat(e.data()).containsEntry("state", "DEAD");
        });
        Object itemStatus = db.inTransaction(s -> s.createNativeQuery(
                "select status from content_items where id = :id", Object.class)
                .setParameter("id", dead.contentItemId()).getSingleResult());
        assertThat(itemStatus).isEqualTo("FAILED");
        assertThat(queue.claim("process-5")).isEmpty();
    }

    @Test
    void aJobReleasedBecauseTheDatabaseWentAwayKeepsItsAttempts() throws Exception {
        JobView job = submit("q");
        ClaimedJob first = queue.claim("w").orElseThrow();

        assertThat(queue.release(first.id(), "w", "Database connection lost")).isTrue();
        assertThat(queue.release(first.id(), "w", "again")).as("only the holder can release, once").isFalse();

        ClaimedJob again = awaitClaim("w2");
        assertThat(again.id()).isEqualTo(job.id());
        assertThat(again.attempt()).as("the lost attempt did not count").isEqualTo(1);
        assertThat(queue.events(job.id(), 0)).extracting(JobEvent::type).contains("retry");

        // a job that takes the database down with it every time still reaches its attempt limit
        ClaimedJob claimed = again;
        for (int release = 2; release <= JobQueue.MAX_UNCOUNTED_RELEASES; release++) {
            assertThat(queue.release(claimed.id(), "w2", "Database connection lost")).isTrue();
            claimed = awaitClaim("w2");
            assertThat(claimed.attempt()).isEqualTo(1);
        }
        assertThat(queue.release(claimed.id(), "w2", "Database connection lost")).isTrue();
        assertThat(awaitClaim("w2").attempt()).as("past %d uncounted attempts they count",
                JobQueue.MAX_UNCOUNTED_RELEASES).isEqualTo(2);
    }

    @Test
    void aRetriedSubmissionWithTheSameKeyReturnsTheFirstJobAndADifferentRequestIsRefused() {
        IdempotencyKey key = new IdempotencyKey("retry-1", "a".repeat(64));
        Submitted first = queue.submit(newJob("q").idempotency(key).build());
        Submitted retry = queue.submit(newJob("q").idempotency(key).build());

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.job().id()).isEqualTo(first.job().id());
        assertThat(queue.depth()).containsEntry("q", 1L);
        assertThatThrownBy(() -> queue.submit(newJob("q").idempotency(new IdempotencyKey("retry-1", "b".repeat(64)))
                .build())).isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("'retry-1' was already used for a different request (job " + first.job().id());
        assertThat(queue.submit(newJob("q").actor("someone-else").idempotency(key).build()).replayed())
                .as("keys are per actor").isFalse();
        assertThat(queue.depth()).containsEntry("q", 2L);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneJob() throws Exception {
        IdempotencyKey key = new IdempotencyKey("raced", "c".repeat(64));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Submitted>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(clients.submit(() -> queue.submit(newJob("q").idempotency(key).build())));
        }
        Set<UUID> jobs = ConcurrentHashMap.newKeySet();
        int created = 0;
        for (Future<Submitted> f : results) {
            jobs.add(f.get().job().id());
            created += f.get().replayed() ? 0 : 1;
        }
        clients.shutdown();

        assertThat(jobs).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(queue.depth()).containsEntry("q", 1L);
    }

    @Test
    void theJobAndItsAuditEventCommitTogetherOrNotAtAll() {
        var audit = new io.hallmark.core.audit.SequentialAuditLog(db);
        Submitted ok = queue.submit(newJob("q").inTransaction((c, job, item) -> audit.appendInTransaction(c, List.of(
                new io.hallmark.core.audit.DatabaseAuditLog.NewEvent("tester", "generation.requested", item.toString(),
                        Map.of("job", job.toString()))))).build());
        assertThat(auditEvents(ok.job().contentItemId())).isEqualTo(1);

        long jobsBefore = jobCount();
        assertThatThrownBy(() -> queue.submit(newJob("q").inTransaction((c, job, item) -> {
            audit.appendInTransaction(c, List.of(new io.hallmark.core.audit.DatabaseAuditLog.NewEvent("tester",
                    "generation.requested", item.toString(), Map.of())));
            throw new java.sql.SQLException("the audit write failed", "08006");
        }).build())).isInstanceOf(io.hallmark.core.db.DatabaseUnavailableException.class);
        assertThat(jobCount()).as("no job without its audit event").isEqualTo(jobsBefore);
    }

    @Test
    void everySubmitAndFinishTellsTheDepthListenersAtOnce() {
        java.util.concurrent.atomic.AtomicLong depth = new java.util.concurrent.atomic.AtomicLong(-1);
        queue.onDepthChange(() -> depth.set(queue.totalDepth()));
        JobView job = submit("q");
        assertThat(depth.get()).isEqualTo(1);
        ClaimedJob claimed = queue.claim("w").orElseThrow();
        queue.finish(claimed.id(), "w", "DONE", null);
        assertThat(depth.get()).isZero();
        assertThat(queue.get(job.id()).state()).isEqualTo("DONE");
    }

    private NewJob.Builder newJob(String queueName) {
        return NewJob.builder(queueName, Modality.TEXT, "a prompt", Map.of("pluginId", queueName, "modality", "TEXT",
                "prompt", "a prompt")).actor("tester");
    }

    private void expireLeases() {
        db.useTransaction(s -> s.createNativeMutationQuery(
                "update generation_jobs set lease_expires_at = now() - interval '1 second' where state = 'RUNNING'")
                .executeUpdate());
    }

    private long auditEvents(UUID item) {
        return db.inTransaction(s -> s.createNativeQuery("select count(*) from audit_events where subject = :s "
                + "and event_type = 'generation.requested'", Long.class).setParameter("s", item.toString())
                .getSingleResult());
    }

    private long jobCount() {
        return db.inTransaction(s -> s.createNativeQuery("select count(*) from generation_jobs", Long.class)
                .getSingleResult());
    }

    private ClaimedJob awaitClaim(String worker) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var job = queue.claim(worker);
            if (job.isPresent()) {
                return job.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no job became ready");
    }
}
