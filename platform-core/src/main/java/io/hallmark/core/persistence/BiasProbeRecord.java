package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * One counterfactual bias probe of a content item: who asked, its progress on the node that runs it, and its result
 * (JSONB) or error. States: {@code RUNNING}, {@code DONE}, {@code FAILED}.
 */
@Entity
@Table(name = "bias_probes")
public class BiasProbeRecord {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    private UUID id;

    @Column(name = "content_item_id", nullable = false)
    private UUID contentItemId;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "per_term", nullable = false)
    private int perTerm;

    @Column(name = "with_bias", nullable = false)
    private boolean withBias;

    @Column(name = "variants_done", nullable = false)
    private int variantsDone;

    @Column(name = "variants_total")
    private @Nullable Integer variantsTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    private @Nullable Map<String, Object> result;

    @Column(columnDefinition = "text")
    private @Nullable String error;

    @Column(nullable = false, length = 128)
    private String node;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    protected BiasProbeRecord() {
        // for Hibernate
    }

    /** A probe that starts running now on {@code node}. */
    public BiasProbeRecord(UUID contentItemId, int perTerm, boolean withBias, String node, String requestedBy) {
        this.id = Ids.newId();
        this.contentItemId = Objects.requireNonNull(contentItemId, "contentItemId");
        this.state = RUNNING;
        this.perTerm = perTerm;
        this.withBias = withBias;
        this.node = Objects.requireNonNull(node, "node");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID contentItemId() {
        return contentItemId;
    }

    public String state() {
        return state;
    }

    public int perTerm() {
        return perTerm;
    }

    public boolean withBias() {
        return withBias;
    }

    public int variantsDone() {
        return variantsDone;
    }

    public @Nullable Integer variantsTotal() {
        return variantsTotal;
    }

    public @Nullable Map<String, Object> result() {
        return result;
    }

    public @Nullable String error() {
        return error;
    }

    public String node() {
        return node;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    /** Records progress: {@code done} of {@code total} swapped prompts continued. */
    public void progress(int done, int total) {
        this.variantsDone = done;
        this.variantsTotal = total;
        this.updatedAt = Instant.now();
    }

    /** The probe finished with {@code result}. */
    public void done(Map<String, Object> result) {
        this.result = new HashMap<>(result);
        this.state = DONE;
        this.finishedAt = Instant.now();
        this.updatedAt = finishedAt;
    }

    /** The probe failed (or was interrupted) for {@code reason}. */
    public void failed(String reason) {
        this.error = reason;
        this.state = FAILED;
        this.finishedAt = Instant.now();
        this.updatedAt = finishedAt;
    }
}
