package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.audit.Signer;
import io.hallmark.core.provenance.ProvenanceManifest;
import io.hallmark.core.provenance.ProvenanceMarker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes kept content to a file for {@code hallmark generate --out FILE} and marks it with its signed provenance
 * manifest: embedded in a PNG (iTXt) or MP4 ({@code uuid} box) and as the sidecar {@code FILE.provenance.json},
 * plus XMP and C2PA Content Credentials in PNG, JPEG and MP4 files,
 * which {@code hallmark verify FILE} checks. Only approved content is written; anything else stays in the platform
 * for review.
 */
final class ArtifactOutput {

    private ArtifactOutput() {}

    /**
     * @param view the finished job's view (content, report)
     * @param body the content's bytes (the artifact, or the text in UTF-8)
     * @return where the provenance went, for the summary
     */
    static String write(Path out, JsonNode view, byte[] body, Map<String, Object> parameters, Signer key) {
        JsonNode content = view.path("content");
        String plugin = content.path("plugin").asText("unknown@?");
        int at = plugin.lastIndexOf('@');
        JsonNode decision = view.path("report").path("decision");
        String mediaType = content.path("mediaType").asText("application/octet-stream");
        ProvenanceManifest manifest = new ProvenanceManifest("0".repeat(64), mediaType,
                at < 0 ? plugin : plugin.substring(0, at), at < 0 ? "?" : plugin.substring(at + 1), null,
                content.path("model").asText(null), content.path("modelSha256").asText(null), parameters,
                content.path("seed").isNumber() ? content.path("seed").asLong() : null,
                decision.path("action").asText(null),
                decision.hasNonNull("policy") ? decision.path("policy").asText() + "@" + decision.path("policySha256").asText()
                        : null,
                Instant.now(), content.path("id").asText(null));
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, body);
        } catch (IOException e) {
            throw new HallmarkException("Cannot write " + out + ": " + e.getMessage(), e);
        }
        new ProvenanceMarker(key).mark(out, manifest, mediaType, false);
        boolean embedded = mediaType.equals("image/png") || mediaType.equals("video/mp4");
        boolean standard = embedded || mediaType.equals("image/jpeg");
        return (embedded ? "embedded and " : "") + "sidecar " + ProvenanceMarker.sidecarOf(out).getFileName()
                + (standard ? "; XMP (IPTC digital source type) and C2PA Content Credentials embedded" : "");
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
