package io.hallmark.core.jobs;

import io.hallmark.api.Modality;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job to queue ({@link JobQueue#submit(NewJob)}); build one with {@link #builder}.
 *
 * @param queue the queue, normally the plugin id
 * @param modality what the job generates
 * @param prompt the prompt, stored with the content item
 * @param request the request the worker runs (plugin, modality, prompt, parameters, seed, channel, actor)
 * @param priority higher runs first
 * @param deadline when the job must be done, or {@code null}
 * @param actor who submitted it
 * @param idempotency the client's idempotency key, or {@code null}
 * @param inTransaction more writes that must commit with the job or not at all (its audit event)
 */
public record NewJob(String queue, Modality modality, String prompt, Map<String, Object> request, int priority,
        @Nullable Instant deadline, String actor, @Nullable IdempotencyKey idempotency, InTransaction inTransaction) {

    /** Writes that belong to the submit's transaction; must not commit or roll back. */
    @FunctionalInterface
    public interface InTransaction {

        InTransaction NOTHING = (c, job, item) -> {};

        void write(Connection c, UUID jobId, UUID contentItemId) throws SQLException;
    }

    public NewJob {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(prompt, "prompt");
        request = Map.copyOf(request);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(inTransaction, "inTransaction");
    }

    public static Builder builder(String queue, Modality modality, String prompt, Map<String, Object> request) {
        return new Builder(queue, modality, prompt, request);
    }

    /** Builds a {@link NewJob}; priority 0, no deadline, actor {@code system}, no key, nothing more to write. */
    public static final class Builder {

        private final String queue;
        private final Modality modality;
        private final String prompt;
        private final Map<String, Object> request;
        private int priority;
        private @Nullable Instant deadline;
        private String actor = "system";
        private @Nullable IdempotencyKey idempotency;
        private InTransaction inTransaction = InTransaction.NOTHING;

        private Builder(String queue, Modality modality, String prompt, Map<String, Object> request) {
            this.queue = queue;
            this.modality = modality;
            this.prompt = prompt;
            this.request = request;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder deadline(@Nullable Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder idempotency(@Nullable IdempotencyKey idempotency) {
            this.idempotency = idempotency;
            return this;
        }

        public Builder inTransaction(InTransaction inTransaction) {
            this.inTransaction = inTransaction;
            return this;
        }

        public NewJob build() {
            return new NewJob(queue, modality, prompt, request, priority, deadline, actor, idempotency, inTransaction);
        }
    }
}
