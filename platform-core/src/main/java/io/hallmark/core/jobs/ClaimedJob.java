package io.hallmark.core.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job a worker holds under a lease.
 *
 * @param id the job
 * @param contentItemId the content item it produces
 * @param request the submitted request (plugin, modality, prompt, parameters, seed, channel)
 * @param attempt which attempt this is (1 for the first)
 * @param maxAttempts how many attempts it gets
 * @param lastStep the last step a previous attempt completed, or {@code null}
 * @param stepState what that step left for the next
 * @param deadline when the job must be done, or {@code null}
 */
public record ClaimedJob(UUID id, UUID contentItemId, Map<String, Object> request, int attempt, int maxAttempts,
        @Nullable String lastStep, Map<String, Object> stepState, @Nullable Instant deadline) {}
