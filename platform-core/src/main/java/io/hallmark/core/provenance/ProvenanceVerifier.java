package io.hallmark.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.audit.CanonicalJson;
import io.hallmark.core.audit.Hashes;
import io.hallmark.core.audit.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers "was this file produced here, is it unchanged, and what does its record say?" from the file itself
 * (embedded PNG chunk or MP4 box) or its sidecar, with nothing but the platform's public key: no database. The
 * content hash covers the file without any of Hallmark's marks (its own chunk or box, the XMP packet, the C2PA
 * manifest store); the C2PA Content Credentials themselves are for third-party C2PA validators to check.
 */
public final class ProvenanceVerifier {

    /** The verdict. */
    public enum Status {
        /** Signed by this platform's key and the content hash matches. */
        VERIFIED,
        /** Signed by this platform, but the content changed since. */
        MODIFIED,
        /** A valid signature by another key: not produced by this platform. */
        OTHER_SIGNER,
        /** The manifest was altered or its signature is broken. */
        INVALID_SIGNATURE,
        /** No embedded manifest and no sidecar. */
        NO_MANIFEST
    }

    /**
     * The outcome.
     *
     * @param source {@code embedded (PNG iTXt ...)}, {@code embedded (MP4 uuid box ...)}, {@code sidecar <path>} or
     *     {@code none}
     * @param manifest the signed manifest as found, when there is one
     */
    public record Result(Status status, String source, @Nullable JsonNode manifest, String message) {
        public boolean producedHereUnchanged() {
            return status == Status.VERIFIED;
        }
    }

    private ProvenanceVerifier() {}

    /** {@link #verify(Path, List)} with one trusted key. */
    public static Result verify(Path file, VerifierKey platformKey) throws IOException {
        return verify(file, List.of(platformKey));
    }

    /**
     * Verifies {@code file}'s provenance; {@code trusted} are the platform's keys (its current key first, then the keys
     * it signed with before a rotation): a manifest signed by any of them was produced here.
     */
    public static Result verify(Path file, List<VerifierKey> trusted) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] content = bytes;
        String json = null;
        String source = "none";
        if (PngChunks.isPng(bytes)) {
            try {
                PngChunks.Split split = PngChunks.split(bytes);
                content = split.withoutProvenance();
                Optional<String> embedded = split.provenance();
                if (embedded.isPresent()) {
                    json = embedded.get();
                    source = "embedded (PNG iTXt " + PngChunks.KEYWORD + ")";
                }
            } catch (IllegalArgumentException e) {
                return new Result(Status.INVALID_SIGNATURE, "embedded", null, e.getMessage());
            }
        }
        if (JpegSegments.isJpeg(bytes)) {
            try {
                content = JpegSegments.withoutMarks(bytes); // its manifest is the sidecar; the hash covers the rest
            } catch (IllegalArgumentException e) {
                content = bytes; // damaged segments: the whole file is compared, and cannot match
            }
        }
        if (Mp4Boxes.isWellFormedMp4(bytes)) {
            Mp4Boxes.Split split = Mp4Boxes.split(bytes);
            content = split.withoutProvenance();
            Optional<String> embedded = split.provenance();
            if (embedded.isPresent()) {
                json = embedded.get();
                source = "embedded (MP4 uuid box " + Mp4Boxes.USER_TYPE + ")";
            }
        }
        Path sidecar = ProvenanceMarker.sidecarOf(file);
        if (json == null && Files.isRegularFile(sidecar)) {
            json = Files.readString(sidecar, StandardCharsets.UTF_8);
            source = "sidecar " + sidecar;
        }
        if (json == null) {
            return new Result(Status.NO_MANIFEST, source, null, "No Hallmark provenance: no embedded manifest and no "
                    + sidecar.getFileName());
        }
        JsonNode manifest;
        try {
            manifest = CanonicalJson.parse(json);
        } catch (IllegalArgumentException e) {
            return new Result(Status.INVALID_SIGNATURE, source, null, "The manifest is not valid JSON");
        }
        switch (ProvenanceSigner.check(manifest, trusted)) {
            case INVALID, MALFORMED -> {
                return new Result(Status.INVALID_SIGNATURE, source, manifest,
                        "The manifest's signature does not verify: the record was altered");
            }
            case VALID_OTHER_KEY -> {
                return new Result(Status.OTHER_SIGNER, source, manifest, "Signed by " + manifest.path("issuer")
                        .asText() + ", not by this platform (" + trusted.getFirst().name() + ")");
            }
            case VALID_TRUSTED -> {
                // checked below
            }
        }
        String expected = manifest.path("content").path("sha256").asText();
        if (Hashes.sha256Hex(content).equals(expected)) {
            return new Result(Status.VERIFIED, source, manifest, "Produced by this platform and unchanged");
        }
        byte[] withoutDisclosure = stripDisclosure(content, manifest);
        if (withoutDisclosure != null && Hashes.sha256Hex(withoutDisclosure).equals(expected)) {
            return new Result(Status.VERIFIED, source, manifest,
                    "Produced by this platform and unchanged (with its disclosure line)");
        }
        return new Result(Status.MODIFIED, source, manifest, "Produced by this platform, but the content was changed: "
                + "it hashes to " + Hashes.sha256Hex(content) + ", the record says " + expected);
    }

    private static byte @Nullable [] stripDisclosure(byte[] content, JsonNode manifest) {
        String line = "\n\nAI-generated with Hallmark (" + manifest.path("generator").path("pluginId").asText() + " "
                + manifest.path("generator").path("pluginVersion").asText()
                + (manifest.path("model").path("id").isTextual() ? ", model " + manifest.path("model").path("id").asText() : "")
                + "); provenance record sha256:" + manifest.path("content").path("sha256").asText().substring(0, 16) + "\n";
        byte[] suffix = line.getBytes(StandardCharsets.UTF_8);
        if (content.length < suffix.length || !Arrays.equals(content, content.length - suffix.length, content.length,
                suffix, 0, suffix.length)) {
            return null;
        }
        return Arrays.copyOf(content, content.length - suffix.length);
    }
}
