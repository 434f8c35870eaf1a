package io.hallmark.core.provenance;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.Version;
import io.hallmark.core.audit.Hashes;
import io.hallmark.core.audit.PlatformKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Marks artifacts: writes the signed manifest as a sidecar {@code <file>.provenance.json} for every medium, embeds
 * it in PNG files as an iTXt chunk and in MP4 files as a top-level {@code uuid} box too, and can append a
 * human-readable disclosure line to text. PNG, JPEG and MP4 files also get the standard marks others read: an XMP
 * packet with IPTC's digital source type ({@link XmpPacket}) and C2PA Content Credentials signed with the
 * platform's certificate ({@link ContentCredentials}), bound to every other byte of the file.
 */
public final class ProvenanceMarker {

    /** The sidecar's suffix. */
    public static final String SIDECAR_SUFFIX = ".provenance.json";

    private final ProvenanceSigner signer;
    private final ContentCredentials credentials;

    public ProvenanceMarker(PlatformKey key) {
        this.signer = new ProvenanceSigner(key);
        this.credentials = new ContentCredentials(SigningCredential.issuedBy(key));
    }

    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    /**
     * Marks the file in place: hashes it (without any mark), signs the manifest, writes the sidecar, embeds the
     * manifest when the file is a PNG or an MP4, adds XMP and Content Credentials to PNG, JPEG and MP4 files; text
     * gets the disclosure line appended when {@code discloseText} is set.
     *
     * @param manifest the record to state; its content hash and media type are replaced by the file's
     * @return the signed manifest JSON
     */
    public String mark(Path file, ProvenanceManifest manifest, String mediaType, boolean discloseText) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean png = PngChunks.isPng(bytes);
            boolean jpeg = !png && JpegSegments.isJpeg(bytes);
            boolean mp4 = !png && !jpeg && Mp4Boxes.isWellFormedMp4(bytes);
            byte[] content = png ? PngChunks.split(bytes).withoutProvenance()
                    : jpeg ? JpegSegments.withoutMarks(bytes)
                    : mp4 ? Mp4Boxes.split(bytes).withoutProvenance() : bytes;
            String sha256 = Hashes.sha256Hex(content);
            ProvenanceManifest m = manifest.withContent(sha256, png ? "image/png" : jpeg ? "image/jpeg"
                    : mp4 ? "video/mp4" : mediaType);
            String signed = signer.sign(m);
            ContentCredentials.Identity id = identity(m);
            byte[] xmp = XmpPacket.of(m, creatorTool(m), id.instanceId(), id.manifestLabel());
            if (png) {
                byte[] marked = PngChunks.withXmp(PngChunks.embed(content, signed), xmp);
                Files.write(file, credentials.embed(marked, PngChunks.contentCredentials(), m, id));
            } else if (jpeg) {
                Files.write(file, credentials.embed(JpegSegments.withXmp(content, xmp),
                        JpegSegments.contentCredentials(), m, id));
            } else if (mp4) {
                byte[] marked = Mp4Boxes.withXmp(Mp4Boxes.embed(content, signed), xmp);
                Files.write(file, credentials.embed(marked, Mp4Boxes.contentCredentials(), m, id));
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

    /** Labels derived from the content and the statement, so marking the same thing twice gives the same file. */
    private static ContentCredentials.Identity identity(ProvenanceManifest m) {
        byte[] seed = (m.contentSha256() + "|" + m.createdAt() + "|" + m.contentItemId()).getBytes(StandardCharsets.UTF_8);
        return new ContentCredentials.Identity("urn:c2pa:" + UUID.nameUUIDFromBytes(seed),
                "xmp:iid:" + UUID.nameUUIDFromBytes(ContentCredentials.concat("instance|".getBytes(StandardCharsets.UTF_8), seed)));
    }

    private static String creatorTool(ProvenanceManifest m) {
        return "Hallmark " + Version.current() + " (" + m.pluginId() + " " + m.pluginVersion()
                + (m.modelId() == null ? "" : ", model " + m.modelId()) + ")";
    }

    static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals("application/json")
                || mediaType.startsWith("application/x-") && mediaType.endsWith("src");
    }
}
