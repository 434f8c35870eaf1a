package io.hallmark.api;

import java.util.Objects;

/**
 * The identity of a model that produced content: its name and the SHA-256 of its weights.
 */
public record ModelInfo(String id, String sha256) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Model SHA-256 '" + sha256 + "' is not 64 lower-case hex digits");
        }
    }
}
