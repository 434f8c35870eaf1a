package io.hallmark.core.jobs;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.core.db.ConnectionLoss;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.plugin.Cancellation;
import io.hallmark.core.plugin.PluginUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads of one node: each claims a job, runs it, and finishes it; a heartbeat renews the leases of running
 * jobs and stops those that were cancelled, lost their lease or passed their deadline. Stopping the workers lets
 * running jobs finish within a grace period; jobs still running then keep their lease until it expires, and a worker
 * on this or another node resumes them.
 */
public final class JobWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private record Running(ClaimedJob job, Cancellation cancellation) {

        boolean late() {
            return job.deadline() != null && Instant.now().isAfter(job.deadline());
        }
    }

    private final JobQueue queue;
    private final java.util.function.Predicate<Instant> databaseDownSince;
    private final JobRunner runner;
    private final int threads;
    private final String node;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean stopping;

    public JobWorkers(JobQueue queue, JobRunner runner, int threads, String node) {
        this(queue, runner, threads, node, from -> false);
    }

    /**
     * @param databaseDownSince whether the database was away at any moment since a given instant: a job attempt that
     *     failed while it was goes back to the queue without counting, whatever the failure looked like (a driver
     *     error, or a null where a row was expected)
     */
    public JobWorkers(JobQueue queue, JobRunner runner, int threads, String node,
            java.util.function.Predicate<Instant> databaseDownSince) {
        this.databaseDownSince = databaseDownSince;
        this.queue = queue;
        this.runner = runner;
        this.threads = threads;
        this.node = node;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("job-worker-", 0).daemon(true).factory());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-heartbeat").daemon(true)
                .factory());
    }

    public void start() {
        for (int i = 0; i < threads; i++) {
            String worker = node + "/w" + i;
            pool.submit(() -> loop(worker));
        }
        long every = Math.max(200, queue.settings().lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        log.info("{} job workers started on node {}", threads, node);
    }

    /** Wakes idle workers (after a submit on this node). */
    public void nudge() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void loop(String worker) {
        while (!stopping) {
            try {
                var claimed = queue.claim(worker);
                if (claimed.isEmpty()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(250);
                    }
                    continue;
                }
                execute(worker, claimed.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Worker {}: {}", worker, e.toString());
                sleepQuietly(Duration.ofSeconds(1)); // the database may be down; try again shortly
            }
        }
    }

    private void execute(String worker, ClaimedJob job) {
        Cancellation cancellation = new Cancellation();
        Running current = new Running(job, cancellation);
        if (current.late()) {
            queue.finish(job.id(), worker, "FAILED", "Deadline passed at " + job.deadline() + " before the job started");
            return;
        }
        running.put(worker, current);
        Instant attemptStarted = Instant.now();
        queue.appendEvent(job.id(), "started", Map.of("attempt", job.attempt(), "worker", worker,
                "resumeAfter", job.lastStep() == null ? "" : job.lastStep()));
        try {
            String state = runner.run(job, new JobContext() {
                @Override
                public Cancellation cancellation() {
                    return cancellation;
                }

                @Override
                public void stepDone(String step, Map<String, Object> state) {
                    if (!queue.saveStep(job.id(), worker, step, state)) {
                        cancellation.cancel();
                        throw new GenerationCancelledException("Lost the lease on job " + job.id());
                    }
                    queue.appendEvent(job.id(), "step", Map.of("step", step, "status", "done"));
                }

                @Override
                public void event(String type, Map<String, Object> data) {
                    queue.appendEvent(job.id(), type, data);
                }
            });
            queue.finish(job.id(), worker, state, null);
        } catch (GenerationCancelledException e) {
            if (queue.heartbeat(job.id(), worker) != JobQueue.Lease.LOST) {
                if (current.late()) {
                    String last = queue.get(job.id()).currentStep();
                    queue.finish(job.id(), worker, "FAILED", "Deadline passed at " + job.deadline() + "; stopped "
                            + (last == null ? "before its first step completed" : "after step '" + last + "'"));
                } else {
                    queue.finish(job.id(), worker, "CANCELLED", e.getMessage());
                }
            }
        } catch (Exception e) {
            if (ConnectionLoss.causedBy(e) || databaseDownSince.test(attemptStarted) || !databaseAnswers(job, worker)) {
                giveBack(worker, job, e);
                return;
            }
            boolean retriable = e instanceof DatabaseUnavailableException
                    || (e instanceof GenerationFailedException f && f.retriable())
                    || (e instanceof PluginUnavailableException u && !u.notFound());
            log.warn("Job {} attempt {} failed ({}): {}", job.id(), job.attempt(), retriable ? "will retry" : "final",
                    e.toString());
            queue.fail(job.id(), worker, e.getClass().getSimpleName() + ": " + e.getMessage(), retriable,
                    job.attempt(), job.maxAttempts());
        } finally {
            running.remove(worker);
        }
    }

    /** Whether the database answers now (a heartbeat through the pool); only a lost connection counts as no. */
    private boolean databaseAnswers(ClaimedJob job, String worker) {
        try {
            queue.heartbeat(job.id(), worker);
            return true;
        } catch (RuntimeException e) {
            return !ConnectionLoss.causedBy(e);
        }
    }

    /**
     * The database went away under a job: once it answers again, the job goes back to the queue without counting the
     * attempt (the job did nothing wrong) and resumes after its last saved step. Gives up when the worker stops or
     * lost the job; its lease then expires and the job is claimed again.
     */
    private void giveBack(String worker, ClaimedJob job, Exception cause) {
        log.warn("Job {} attempt {} lost the database ({}); it goes back to the queue once the database answers",
                job.id(), job.attempt(), cause.toString());
        String reason = "Database connection lost: " + cause.getMessage();
        while (!stopping) {
            try {
                queue.release(job.id(), worker, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                return;
            } catch (RuntimeException e) {
                sleepQuietly(Duration.ofMillis(500));
            }
        }
    }

    private void beat() {
        for (Map.Entry<String, Running> e : running.entrySet()) {
            Running r = e.getValue();
            try {
                JobQueue.Lease lease = queue.heartbeat(r.job().id(), e.getKey());
                if (lease != JobQueue.Lease.HELD || r.late()) {
                    r.cancellation().cancel();
                }
            } catch (RuntimeException ex) {
                log.warn("Heartbeat for job {} failed: {}", r.job().id(), ex.toString());
            }
        }
    }

    /** How many jobs this node runs now. */
    public int busy() {
        return running.size();
    }

    /** Stops claiming; running jobs get {@code grace} to finish, then are cancelled (their leases expire). */
    public void stop(Duration grace) {
        stopping = true;
        nudge();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.values().forEach(r -> r.cancellation().cancel());
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
