package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One installed version of a plugin: its archive hash, signer, granted permissions, state and last failure. */
@Entity
@Table(name = "plugin_records")
public class PluginRecord {

    @Id
    private UUID id;

    @Column(name = "plugin_id", nullable = false, length = 128)
    private String pluginId;

    @Column(nullable = false, length = 64)
    private String version;

    @Column(length = 200)
    private @Nullable String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PluginState state;

    @Column(name = "archive_sha256", length = 64)
    private @Nullable String archiveSha256;

    @Column(name = "signer_key_id", length = 128)
    private @Nullable String signerKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> capabilities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> permissions = new ArrayList<>();

    @Column(columnDefinition = "text")
    private @Nullable String failure;

    @Column(name = "installed_by", length = 64)
    private @Nullable String installedBy;

    @Column(name = "file_name", length = 256)
    private @Nullable String fileName;

    @Column(name = "changed_by", length = 64)
    private @Nullable String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginChannel channel = PluginChannel.PRODUCTION;

    @Column(name = "installed_at", nullable = false)
    private Instant installedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PluginRecord() {
        // for Hibernate
    }

    public PluginRecord(String pluginId, String version, @Nullable String installedBy) {
        this.id = Ids.newId();
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.version = Objects.requireNonNull(version, "version");
        this.installedBy = installedBy;
        this.state = PluginState.INSTALLED;
        this.installedAt = Instant.now();
        this.updatedAt = installedAt;
    }

    public UUID id() {
        return id;
    }

    public String pluginId() {
        return pluginId;
    }

    public String version() {
        return version;
    }

    public @Nullable String provider() {
        return provider;
    }

    public void setProvider(@Nullable String provider) {
        this.provider = provider;
    }

    public PluginState state() {
        return state;
    }

    /** Moves to a new state; a failure's cause is kept until the plugin leaves {@link PluginState#FAILED}. */
    public void setState(PluginState state, @Nullable String failure) {
        this.state = Objects.requireNonNull(state, "state");
        this.failure = failure;
        this.updatedAt = Instant.now();
    }

    /** Moves to a new state and records who did it. */
    public void changeState(PluginState state, @Nullable String failure, @Nullable String actor) {
        setState(state, failure);
        this.changedBy = actor;
    }

    /** The archive's file name in the plugins folder. */
    /** Where this version serves: production, or the plugin developers' sandbox. */
    public PluginChannel channel() {
        return channel;
    }

    public void setChannel(PluginChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.updatedAt = Instant.now();
    }

    public @Nullable String fileName() {
        return fileName;
    }

    public void setFileName(@Nullable String fileName) {
        this.fileName = fileName;
    }

    public @Nullable String changedBy() {
        return changedBy;
    }

    public @Nullable String archiveSha256() {
        return archiveSha256;
    }

    public @Nullable String signerKeyId() {
        return signerKeyId;
    }

    /** Records the archive's hash and the id of the key that signed it. */
    public void setArchive(String sha256, @Nullable String signerKeyId) {
        this.archiveSha256 = sha256;
        this.signerKeyId = signerKeyId;
    }

    public List<String> capabilities() {
        return List.copyOf(capabilities);
    }

    public void setCapabilities(List<String> capabilities) {
        this.capabilities = new ArrayList<>(capabilities);
    }

    public List<String> permissions() {
        return List.copyOf(permissions);
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = new ArrayList<>(permissions);
    }

    public @Nullable String failure() {
        return failure;
    }

    public @Nullable String installedBy() {
        return installedBy;
    }

    public Instant installedAt() {
        return installedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
