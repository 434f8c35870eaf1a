package io.hallmark.core.persistence;

import io.hallmark.api.Modality;
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
 * One piece of generated content: what was asked, which plugin and model made it with which parameters
 * and seed, where it stands, and the artifact itself (text inline; images and video in the blob store,
 * referenced by SHA-256).
 */
@Entity
@Table(name = "content_items")
public class ContentItem {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Modality modality;

    @Column(nullable = false, columnDefinition = "text")
    private String prompt;

    @Column(name = "plugin_id", length = 128)
    private @Nullable String pluginId;

    @Column(name = "plugin_version", length = 64)
    private @Nullable String pluginVersion;

    @Column(name = "model_id", length = 256)
    private @Nullable String modelId;

    @Column(name = "model_sha256", length = 64)
    private @Nullable String modelSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> parameters = new HashMap<>();

    private @Nullable Long seed;

    /** What judged the item's governance decision ({@code JudgedBy.toMap()}), or {@code null} before a decision. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "judged_by")
    private @Nullable Map<String, Object> judgedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ContentStatus status;

    @Column(name = "text_body", columnDefinition = "text")
    private @Nullable String textBody;

    @Column(name = "artifact_sha256", length = 64)
    private @Nullable String artifactSha256;

    @Column(name = "artifact_media_type", length = 128)
    private @Nullable String artifactMediaType;

    @Column(name = "artifact_size")
    private @Nullable Long artifactSize;

    @Column(name = "created_by", length = 64)
    private @Nullable String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContentItem() {
        // for Hibernate
    }

    /** A new item for a request, in status {@link ContentStatus#PENDING}. */
    public ContentItem(Modality modality, String prompt) {
        this.id = Ids.newId();
        this.modality = Objects.requireNonNull(modality, "modality");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.status = ContentStatus.PENDING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Modality modality() {
        return modality;
    }

    public String prompt() {
        return prompt;
    }

    public @Nullable String pluginId() {
        return pluginId;
    }

    public @Nullable String pluginVersion() {
        return pluginVersion;
    }

    /** Records which plugin version produced the item. */
    public void setPlugin(String id, String version) {
        this.pluginId = id;
        this.pluginVersion = version;
        touch();
    }

    public @Nullable String modelId() {
        return modelId;
    }

    public @Nullable String modelSha256() {
        return modelSha256;
    }

    /** Records the model that produced the item, identified by name and SHA-256 of its weights. */
    public void setModel(String id, String sha256) {
        this.modelId = id;
        this.modelSha256 = sha256;
        touch();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public void setParameters(Map<String, Object> parameters) {
        this.parameters = new HashMap<>(parameters);
        touch();
    }

    /** What judged the item's governance decision: model hashes, policy version, knowledge-base snapshot. */
    public @Nullable Map<String, Object> judgedBy() {
        return judgedBy;
    }

    public void setJudgedBy(@Nullable Map<String, Object> judgedBy) {
        this.judgedBy = judgedBy == null ? null : new java.util.LinkedHashMap<>(judgedBy);
        touch();
    }

    public @Nullable Long seed() {
        return seed;
    }

    public void setSeed(@Nullable Long seed) {
        this.seed = seed;
        touch();
    }

    public ContentStatus status() {
        return status;
    }

    public void setStatus(ContentStatus status) {
        this.status = Objects.requireNonNull(status, "status");
        touch();
    }

    public @Nullable String textBody() {
        return textBody;
    }

    public void setTextBody(@Nullable String textBody) {
        this.textBody = textBody;
        touch();
    }

    public @Nullable String artifactSha256() {
        return artifactSha256;
    }

    public @Nullable String artifactMediaType() {
        return artifactMediaType;
    }

    public @Nullable Long artifactSize() {
        return artifactSize;
    }

    /** Points the item at a binary artifact kept in the blob store. */
    public void setArtifact(String sha256, String mediaType, long size) {
        this.artifactSha256 = sha256;
        this.artifactMediaType = mediaType;
        this.artifactSize = size;
        touch();
    }

    public @Nullable String createdBy() {
        return createdBy;
    }

    public void setCreatedBy(@Nullable String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }
}
