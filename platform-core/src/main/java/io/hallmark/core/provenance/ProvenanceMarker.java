package io.hallmark.core.provenance;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.Version;
import io.hallmark.core.audit.Hashes;
import io.hallmark.core.audit.Signer;
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

    /** Marks with the platform's signer: its key file, or its key in an HSM ({@code audit-pkcs11-library}). */
    public ProvenanceMarker(Signer key) {
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
            Marked marked = marked(Files.readAllBytes(file), manifest, mediaType);
            if (marked.standardMarks()) {
                Files.write(file, marked.bytes());
            } else if (discloseText && isText(marked.manifest().mediaType())) {
                Files.writeString(file, new String(marked.bytes(), StandardCharsets.UTF_8)
                        + Disclosure.suffix(marked.manifest()), StandardCharsets.UTF_8);
            }
            Files.writeString(sidecarOf(file), marked.signedManifest() + "\n", StandardCharsets.UTF_8);
            return marked.signedManifest();
        } catch (IOException e) {
            throw new HallmarkException("Cannot mark " + file + " with its provenance: " + e.getMessage(), e);
        }
    }

    /**
     * An artifact with its marks, for a file written or served.
     *
     * @param bytes the marked bytes (for media without embedded marks: the content as given)
     * @param manifest the statement, with the content's hash and media type filled in
     * @param standardMarks whether XMP and Content Credentials (and for PNG and MP4 the signed manifest) are embedded
     */
    public record Marked(byte[] bytes, ProvenanceManifest manifest, String signedManifest, boolean standardMarks) {}

    /**
     * Marks an artifact in memory: hashes it without any earlier mark, signs the manifest and, for PNG, JPEG and
     * MP4, embeds XMP, Content Credentials and (PNG, MP4) the signed manifest. Marking the same bytes with the same
     * statement twice gives the same bytes.
     */
    public Marked marked(byte[] bytes, ProvenanceManifest manifest, String mediaType) {
        boolean png = PngChunks.isPng(bytes);
        boolean jpeg = !png && JpegSegments.isJpeg(bytes);
        boolean mp4 = !png && !jpeg && Mp4Boxes.isWellFormedMp4(bytes);
        byte[] content = png ? PngChunks.split(bytes).withoutProvenance()
                : jpeg ? JpegSegments.withoutMarks(bytes)
                : mp4 ? Mp4Boxes.split(bytes).withoutProvenance() : bytes;
        ProvenanceManifest m = manifest.withContent(Hashes.sha256Hex(content), png ? "image/png"
                : jpeg ? "image/jpeg" : mp4 ? "video/mp4" : mediaType);
        String signed = signer.sign(m);
        if (!png && !jpeg && !mp4) {
            return new Marked(content, m, signed, false);
        }
        ContentCredentials.Identity id = identity(m);
        byte[] xmp = XmpPacket.of(m, creatorTool(m), id.instanceId(), id.manifestLabel());
        byte[] out;
        if (png) {
            out = credentials.embed(PngChunks.withXmp(PngChunks.embed(content, signed), xmp),
                    PngChunks.contentCredentials(), m, id);
        } else if (jpeg) {
            out = credentials.embed(JpegSegments.withXmp(content, xmp), JpegSegments.contentCredentials(), m, id);
        } else {
            out = credentials.embed(Mp4Boxes.withXmp(Mp4Boxes.embed(content, signed), xmp),
                    Mp4Boxes.contentCredentials(), m, id);
        }
        return new Marked(out, m, signed, true);
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
