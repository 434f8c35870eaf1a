package io.hallmark.core.provenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What Hallmark states about one artifact it produced: which content (its SHA-256), made by which generator
 * plugin and model, with which parameters and seed, kept under which governance decision and policy version,
 * when; marked with the IPTC digital source type {@value #TRAINED_ALGORITHMIC_MEDIA}. The platform key signs it
 * ({@link ProvenanceSigner}). Field names follow C2PA's vocabulary where one exists ({@code claimGenerator},
 * {@code digitalSourceType}, a {@code c2pa.created} action); the same statement goes into the file's C2PA
 * Content Credentials ({@link ContentCredentials}) for C2PA tools.
 *
 * @param contentSha256 SHA-256 of the content (for PNG, JPEG and MP4: the file without Hallmark's marks; for text with a
 *     disclosure line: the text without it)
 * @param mediaType e.g. {@code image/png}, {@code text/plain}
 */
public record ProvenanceManifest(
        String contentSha256,
        String mediaType,
        String pluginId,
        String pluginVersion,
        @Nullable String pluginSigner,
        @Nullable String modelId,
        @Nullable String modelSha256,
        Map<String, Object> parameters,
        @Nullable Long seed,
        @Nullable String decision,
        @Nullable String policyVersion,
        Instant createdAt,
        @Nullable String contentItemId) {

    /** The IPTC NewsCodes digital source type for content made by a trained model. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    public static final String FORMAT = "hallmark-provenance/1";

    public ProvenanceManifest {
        Objects.requireNonNull(contentSha256, "contentSha256");
        if (!contentSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentSha256 must be 64 lower-case hex characters: " + contentSha256);
        }
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same manifest for other content (the hash filled in when the bytes are known). */
    public ProvenanceManifest withContent(String sha256, String type) {
        return new ProvenanceManifest(sha256, type, pluginId, pluginVersion, pluginSigner, modelId, modelSha256,
                parameters, seed, decision, policyVersion, createdAt, contentItemId);
    }

    /** The unsigned JSON form (what the signature covers, in canonical JSON). */
    Map<String, Object> toJson(String claimGenerator, String issuer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("claimGenerator", claimGenerator);
        m.put("issuer", issuer);
        m.put("content", Map.of("sha256", contentSha256, "mediaType", mediaType));
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("pluginId", pluginId);
        generator.put("pluginVersion", pluginVersion);
        generator.put("pluginSigner", pluginSigner);
        m.put("generator", generator);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", modelId);
        model.put("sha256", modelSha256);
        m.put("model", model);
        m.put("parameters", parameters);
        m.put("seed", seed);
        Map<String, Object> governance = new LinkedHashMap<>();
        governance.put("decision", decision);
        governance.put("policyVersion", policyVersion);
        m.put("governance", governance);
        m.put("createdAt", createdAt.toString());
        m.put("contentItemId", contentItemId);
        m.put("digitalSourceType", TRAINED_ALGORITHMIC_MEDIA);
        m.put("actions", List.of(Map.of("action", "c2pa.created", "digitalSourceType", TRAINED_ALGORITHMIC_MEDIA,
                "softwareAgent", pluginId + " " + pluginVersion, "when", createdAt.toString())));
        return m;
    }
}
