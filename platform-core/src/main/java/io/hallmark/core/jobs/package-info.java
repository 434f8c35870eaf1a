/**
 * Generation as durable jobs: {@link io.hallmark.core.jobs.JobQueue} (PostgreSQL, {@code FOR UPDATE SKIP LOCKED},
 * leases, retries with backoff, dead letters, a bounded queue per plugin), {@link io.hallmark.core.jobs.JobWorkers}
 * (claim, heartbeat, cancellation, deadlines) and {@link io.hallmark.core.jobs.GenerationPipeline}, which runs a job
 * through the steps its declared pipeline names (see {@code io.hallmark.core.pipeline}), one class per step:
 * planner, generator(s) (composed with LangChain4j {@code AgenticServices}), checker, judge, reviser, publisher.
 * {@link io.hallmark.core.jobs.GenerationService} is how clients submit and read generations: a
 * {@link io.hallmark.core.jobs.NewJob} commits with its audit event and its
 * {@link io.hallmark.core.jobs.IdempotencyKey} in one transaction, and the attempt limit holds across crashes, so a
 * poison job is dead-lettered instead of killing process after process;
 * {@link io.hallmark.core.jobs.AgentTrace} keeps every agent call with the job.
 */
@NullMarked
package io.hallmark.core.jobs;

import org.jspecify.annotations.NullMarked;
