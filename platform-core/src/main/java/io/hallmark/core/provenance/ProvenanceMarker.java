package io.hallmark.core.provenance;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.audit.Hashes;
import io.hallmark.core.audit.PlatformKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks artifacts: writes the signed manifest as a sidecar {@code <file>.provenance.json} for every medium,
 * embeds it in PNG files as an iTXt chunk and in MP4 files as a top-level {@code uuid} box too, and can append a
 * human-readable disclosure line to text.
 */
public final class ProvenanceMarker {

    /** The sidecar's suffix. */
    public static final String SIDECAR_SUFFIX = ".provenance.json";

    private final ProvenanceSigner signer;

    public ProvenanceMarker(PlatformKey key) {
        this.signer = new ProvenanceSigner(key);
    }

    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    /**
     * Marks the file in place: hashes it, signs the manifest, writes the sidecar, and embeds the manifest when
     * the file is a PNG or an MP4; text gets the disclosure line appended when {@code discloseText} is set.
     *
     * @param manifest the record to state; its content hash and media type are replaced by the file's
     * @return the signed manifest JSON
     */
    public String mark(Path file, ProvenanceManifest manifest, String mediaType, boolean discloseText) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean png = PngChunks.isPng(bytes);
            boolean mp4 = !png && Mp4Boxes.isWellFormedMp4(bytes);
            byte[] content = png ? PngChunks.split(bytes).withoutProvenance()
                    : mp4 ? Mp4Boxes.split(bytes).withoutProvenance() : bytes;
            ProvenanceManifest m = manifest.withContent(Hashes.sha256Hex(content), png ? "image/png"
                    : mp4 ? "video/mp4" : mediaType);
            String signed = signer.sign(m);
            if (png) {
                Files.write(file, PngChunks.embed(content, signed));
            } else if (mp4) {
                Files.write(file, Mp4Boxes.embed(content, signed));
            } else if (discloseText && isText(m.mediaType())) {
                Files.writeString(file, new String(content, StandardCharsets.UTF_8) + Disclosure.suffix(m),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(sidecarOf(file), signed + "\n", StandardCharsets.UTF_8);
            return signed;
        } catch (IOException e) {
            throw new HallmarkException("Cannot mark " + file + " with its provenance: " + e.getMessage(), e);
        }
    }

    static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals("application/json")
                || mediaType.startsWith("application/x-") && mediaType.endsWith("src");
    }
}
