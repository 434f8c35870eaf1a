package io.hallmark.core.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job's state as clients see it. */
public record JobView(UUID id, UUID contentItemId, String state, String queue, int attempts, int maxAttempts,
        @Nullable String currentStep, @Nullable String error, Map<String, Object> request, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, boolean cancelRequested) {}
