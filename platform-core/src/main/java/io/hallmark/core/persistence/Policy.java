package io.hallmark.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One immutable version of a governance policy document. The SHA-256 of its body identifies exactly which
 * rules made a decision; at most one version per name is active.
 */
@Entity
@Table(name = "policies")
public class Policy {

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PolicyFormat format;

    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Column(name = "body_sha256", nullable = false, length = 64)
    private String bodySha256;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", length = 64)
    private @Nullable String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Policy() {
        // for Hibernate
    }

    public Policy(String name, int version, PolicyFormat format, String body, @Nullable String createdBy) {
        if (version < 1) {
            throw new IllegalArgumentException("Policy versions start at 1, was " + version);
        }
        this.id = Ids.newId();
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.format = Objects.requireNonNull(format, "format");
        this.body = Objects.requireNonNull(body, "body");
        this.bodySha256 = sha256(body);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public PolicyFormat format() {
        return format;
    }

    public String body() {
        return body;
    }

    public String bodySha256() {
        return bodySha256;
    }

    public boolean active() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public @Nullable String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
