package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A durable generation job: the request, its state, the worker lease that protects it from running twice,
 * the last completed step (so a crashed job resumes there), retries and deadline.
 */
@Entity
@Table(name = "generation_jobs")
public class GenerationJob {

    @Id
    private UUID id;

    @Column(name = "content_item_id")
    private @Nullable UUID contentItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private JobState state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> request;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "current_step", length = 64)
    private @Nullable String currentStep;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "step_state", nullable = false)
    private Map<String, Object> stepState = new HashMap<>();

    @Column(name = "lease_owner", length = 128)
    private @Nullable String leaseOwner;

    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;

    @Column(name = "heartbeat_at")
    private @Nullable Instant heartbeatAt;

    @Column(name = "deadline_at")
    private @Nullable Instant deadlineAt;

    @Column(name = "not_before")
    private @Nullable Instant notBefore;

    @Column(columnDefinition = "text")
    private @Nullable String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(nullable = false, length = 128)
    private String queue = "default";

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "created_by", length = 64)
    private @Nullable String createdBy;

    protected GenerationJob() {
        // for Hibernate
    }

    /** A new queued job for a request. */
    public GenerationJob(Map<String, Object> request, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.id = Ids.newId();
        this.request = new HashMap<>(Objects.requireNonNull(request, "request"));
        this.state = JobState.QUEUED;
        this.maxAttempts = maxAttempts;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public @Nullable UUID contentItemId() {
        return contentItemId;
    }

    public void setContentItemId(@Nullable UUID contentItemId) {
        this.contentItemId = contentItemId;
        touch();
    }

    public JobState state() {
        return state;
    }

    public void setState(JobState state) {
        this.state = Objects.requireNonNull(state, "state");
        touch();
    }

    public Map<String, Object> request() {
        return request;
    }

    public int priority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public int attempts() {
        return attempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public @Nullable String currentStep() {
        return currentStep;
    }

    public Map<String, Object> stepState() {
        return stepState;
    }

    /** Records a completed step and what it produced, so a resumed job starts after it. */
    public void completeStep(String step, Map<String, Object> state) {
        this.currentStep = step;
        this.stepState = new HashMap<>(state);
        touch();
    }

    public @Nullable String leaseOwner() {
        return leaseOwner;
    }

    public @Nullable Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public @Nullable Instant heartbeatAt() {
        return heartbeatAt;
    }

    /** A worker takes the job until {@code expiresAt}; counts as an attempt. */
    public void lease(String owner, Instant expiresAt) {
        Instant now = Instant.now();
        this.leaseOwner = owner;
        this.leaseExpiresAt = expiresAt;
        this.heartbeatAt = now;
        this.attempts++;
        this.state = JobState.RUNNING;
        if (startedAt == null) {
            startedAt = now;
        }
        touch();
    }

    public @Nullable Instant deadlineAt() {
        return deadlineAt;
    }

    public void setDeadlineAt(@Nullable Instant deadlineAt) {
        this.deadlineAt = deadlineAt;
    }

    public @Nullable Instant notBefore() {
        return notBefore;
    }

    public void setNotBefore(@Nullable Instant notBefore) {
        this.notBefore = notBefore;
    }

    public @Nullable String error() {
        return error;
    }

    /** Ends the job in a final state, releasing the lease and keeping the cause of a failure. */
    public void finish(JobState finalState, @Nullable String error) {
        this.state = finalState;
        this.error = error;
        this.leaseOwner = null;
        this.leaseExpiresAt = null;
        this.finishedAt = Instant.now();
        touch();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    /** The queue the job waits in: the plugin that generates it. */
    public String queue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public @Nullable String createdBy() {
        return createdBy;
    }

    public void setCreatedBy(@Nullable String createdBy) {
        this.createdBy = createdBy;
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }
}
