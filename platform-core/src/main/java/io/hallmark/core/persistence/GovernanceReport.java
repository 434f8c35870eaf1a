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
 * The governance stage's findings on one content item (claims, verdicts, evidence, scores), stored as JSONB,
 * with the headline factuality score, the decision and the hash of the policy that made it.
 */
@Entity
@Table(name = "governance_reports")
public class GovernanceReport {

    @Id
    private UUID id;

    @Column(name = "content_item_id", nullable = false)
    private UUID contentItemId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> report;

    @Column(name = "factuality_score")
    private @Nullable Double factualityScore;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private @Nullable Decision decision;

    @Column(name = "policy_id")
    private @Nullable UUID policyId;

    @Column(name = "policy_sha256", length = 64)
    private @Nullable String policySha256;

    @Column(name = "content_type", length = 16)
    private @Nullable String contentType;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GovernanceReport() {
        // for Hibernate
    }

    public GovernanceReport(UUID contentItemId, Map<String, Object> report) {
        this.id = Ids.newId();
        this.contentItemId = Objects.requireNonNull(contentItemId, "contentItemId");
        this.report = new HashMap<>(Objects.requireNonNull(report, "report"));
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID contentItemId() {
        return contentItemId;
    }

    public Map<String, Object> report() {
        return report;
    }

    public @Nullable Double factualityScore() {
        return factualityScore;
    }

    public void setFactualityScore(@Nullable Double score) {
        if (score != null && (score < 0 || score > 1)) {
            throw new IllegalArgumentException("Factuality score must lie in [0, 1], was " + score);
        }
        this.factualityScore = score;
    }

    public @Nullable Decision decision() {
        return decision;
    }

    public @Nullable UUID policyId() {
        return policyId;
    }

    public @Nullable String policySha256() {
        return policySha256;
    }

    /** Records the decision and the exact policy version (by id and content hash) that made it. */
    public void decide(Decision decision, @Nullable UUID policyId, @Nullable String policySha256) {
        this.decision = Objects.requireNonNull(decision, "decision");
        this.policyId = policyId;
        this.policySha256 = policySha256;
    }

    /** The content type the request (or its pipeline) declared, or {@code null} for reports made before V105. */
    public @Nullable String contentType() {
        return contentType;
    }

    public void setContentType(@Nullable String contentType) {
        this.contentType = contentType;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
