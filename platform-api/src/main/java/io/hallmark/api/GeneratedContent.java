package io.hallmark.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a generator produced: either text (text and code) or a binary artifact (images, video) with its media
 * type, plus the model that made it, the seed used, counts and timing.
 *
 * @param modality the kind of content
 * @param text the generated text, or {@code null} for a binary artifact
 * @param artifact the artifact's bytes, or {@code null} for text
 * @param mediaType e.g. {@code text/plain}, {@code text/x-java}, {@code image/png}, {@code video/mp4}
 * @param model the model that produced it, or {@code null} for a generator without a model
 * @param seed the seed actually used, or {@code null} when generation was not random
 * @param usage tokens and frames
 * @param duration how long generation took
 * @param metadata anything else worth keeping with the content (JSON-serializable values)
 */
public record GeneratedContent(
        Modality modality,
        @Nullable String text,
        byte @Nullable [] artifact,
        String mediaType,
        @Nullable ModelInfo model,
        @Nullable Long seed,
        Usage usage,
        Duration duration,
        Map<String, Object> metadata) {

    public GeneratedContent {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(duration, "duration");
        if ((text == null) == (artifact == null)) {
            throw new IllegalArgumentException("Generated content must have either text or an artifact, not "
                    + (text == null ? "neither" : "both"));
        }
        if (text != null && modality != Modality.TEXT && modality != Modality.CODE) {
            throw new IllegalArgumentException(modality + " content must be a binary artifact, not text");
        }
        if (artifact != null && (modality == Modality.TEXT || modality == Modality.CODE)) {
            throw new IllegalArgumentException(modality + " content must be text, not a binary artifact");
        }
        if (artifact != null && artifact.length == 0) {
            throw new IllegalArgumentException("The artifact is empty");
        }
        if (!mediaType.matches("[a-z]+/[a-zA-Z0-9.+_-]+")) {
            throw new IllegalArgumentException("Media type '" + mediaType + "' is not of the form type/subtype");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Duration must not be negative: " + duration);
        }
        metadata = Map.copyOf(metadata);
    }

    /** Text content with no usage counts or metadata (set them with the {@code with...} methods). */
    public static GeneratedContent ofText(Modality modality, String text, String mediaType, @Nullable ModelInfo model,
            @Nullable Long seed) {
        return new GeneratedContent(modality, text, null, mediaType, model, seed, Usage.NONE, Duration.ZERO, Map.of());
    }

    /** A binary artifact. */
    public static GeneratedContent ofArtifact(Modality modality, byte[] artifact, String mediaType,
            @Nullable ModelInfo model, @Nullable Long seed) {
        return new GeneratedContent(modality, null, artifact, mediaType, model, seed, Usage.NONE, Duration.ZERO, Map.of());
    }

    public GeneratedContent withUsage(Usage newUsage) {
        return new GeneratedContent(modality, text, artifact, mediaType, model, seed, newUsage, duration, metadata);
    }

    public GeneratedContent withDuration(Duration newDuration) {
        return new GeneratedContent(modality, text, artifact, mediaType, model, seed, usage, newDuration, metadata);
    }

    public GeneratedContent withMetadata(Map<String, Object> newMetadata) {
        return new GeneratedContent(modality, text, artifact, mediaType, model, seed, usage, duration, newMetadata);
    }

    /** The content's bytes: the UTF-8 text or the artifact. */
    public byte[] bytes() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : artifact.clone();
    }

    /** The SHA-256 of {@link #bytes()}, lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedContent c && modality == c.modality && Objects.equals(text, c.text)
                && java.util.Arrays.equals(artifact, c.artifact) && mediaType.equals(c.mediaType)
                && Objects.equals(model, c.model) && Objects.equals(seed, c.seed) && usage.equals(c.usage)
                && duration.equals(c.duration) && metadata.equals(c.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modality, text, java.util.Arrays.hashCode(artifact), mediaType, model, seed);
    }

    @Override
    public String toString() {
        String body = text != null ? "text=" + text.length() + " chars" : "artifact=" + artifact.length + " bytes";
        return "GeneratedContent[" + modality + ", " + body + ", " + mediaType + ", model=" + model + ", seed=" + seed + "]";
    }
}
