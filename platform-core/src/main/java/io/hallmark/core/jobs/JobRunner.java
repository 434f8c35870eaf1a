package io.hallmark.core.jobs;

/** Does the work of one claimed job, resuming after {@link ClaimedJob#lastStep()} when set. */
public interface JobRunner {

    /**
     * Runs the job.
     *
     * @return the final state: {@code DONE}, {@code WAITING_REVIEW}, {@code FAILED} or {@code CANCELLED}
     * @throws Exception when an attempt fails; retriable failures are retried with backoff
     */
    String run(ClaimedJob job, JobContext context) throws Exception;
}
