package io.hallmark.core.jobs;

/**
 * What a submit did.
 *
 * @param job the job
 * @param replayed {@code true} when an earlier submission with the same idempotency key and request created the job
 *     and this one queued nothing
 */
public record Submitted(JobView job, boolean replayed) {}
