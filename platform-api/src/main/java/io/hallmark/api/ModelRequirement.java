package io.hallmark.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model a generator needs from the host's model directory.
 *
 * @param name the model's name in the model directory, e.g. {@code stories260k}
 * @param format the weight format, e.g. {@code llama2c}, {@code gguf}, {@code onnx}
 * @param sha256 the expected SHA-256 of the weights, or {@code null} to accept any
 * @param optional whether the generator still works without it
 */
public record ModelRequirement(String name, String format, @Nullable String sha256, boolean optional) {

    public ModelRequirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Model name must not be blank");
        }
    }

    /** A required model of any checksum. */
    public static ModelRequirement of(String name, String format) {
        return new ModelRequirement(name, format, null, false);
    }
}
