package io.hallmark.core.jobs;

import io.hallmark.api.HallmarkException;
import java.util.UUID;

/**
 * A submission reused an idempotency key that an earlier, different request of the same actor already used (HTTP 422):
 * nothing was queued.
 */
public class IdempotencyConflictException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final UUID existingJob;

    public IdempotencyConflictException(String key, UUID existingJob) {
        super("Idempotency-Key '" + key + "' was already used for a different request (job " + existingJob
                + "); send the same request to get that job back, or use a new key for a new request");
        this.existingJob = existingJob;
    }

    /** The job the key belongs to. */
    public UUID existingJob() {
        return existingJob;
    }
}
