package io.hallmark.core.persistence;

/** The life of a durable generation job. DEAD holds jobs that exhausted their retries, with the cause. */
public enum JobState {
    QUEUED, RUNNING, WAITING_REVIEW, DONE, FAILED, CANCELLED, DEAD
}
