package io.hallmark.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.testing.StandardReaders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard marks of PNG, JPEG and MP4 files as others read them: exiftool finds the XMP packet with IPTC's
 * digital source type, and the official C2PA library (c2pa-rs) reads the Content Credentials, checks the claim
 * signature and the hard binding, and reports nothing wrong but that the platform's self-issued root is on no
 * trust list; an edited file fails its hash binding. Hallmark's own manifest still verifies.
 */
class ContentCredentialsTest {

    static final String TRAINED = ProvenanceManifest.TRAINED_ALGORITHMIC_MEDIA;

    @TempDir
    Path dir;

    private static ProvenanceManifest manifest() {
        return new ProvenanceManifest("0".repeat(64), "application/octet-stream", "hallmark-image", "1.0.0",
                null, "mnist-gan", "b".repeat(64), Map.of("steps", 20, "prompt", "a <seven> & \"eight\""), 42L,
                "APPROVE", "default@" + "c".repeat(64), Instant.parse("2026-11-28T12:00:00Z"),
                "0193c0de-0000-7000-8000-000000000001");
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] mp4() {
        List<io.hallmark.imagegen.FloatImage> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] gray = new float[32 * 32];
            java.util.Arrays.fill(gray, i / 6f);
            frames.add(io.hallmark.imagegen.FloatImage.fromGray(32, 32, gray));
        }
        return io.hallmark.imagegen.video.Mp4Encoder.encode(frames, 6);
    }

    private Path mark(String name, byte[] bytes, String mediaType) throws Exception {
        PlatformKey key = PlatformKey.loadOrCreate(dir.resolve("keys"));
        Path file = Files.write(dir.resolve(name), bytes);
        new ProvenanceMarker(key).mark(file, manifest(), mediaType, false);
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status()).as("Hallmark's own manifest")
                .isEqualTo(ProvenanceVerifier.Status.VERIFIED);
        return file;
    }

    @Test
    void aPngCarriesXmpBeforeTheImageDataAndContentCredentialsTheC2paLibraryValidates() throws Exception {
        Path file = mark("digit.png", image("png"), "image/png");
        byte[] marked = Files.readAllBytes(file);
        String latin = new String(marked, StandardCharsets.ISO_8859_1);
        assertThat(latin.indexOf("XML:com.adobe.xmp")).as("XMP iTXt before IDAT").isPositive()
                .isLessThan(latin.indexOf("IDAT"));
        assertThat(latin.indexOf("caBX")).as("C2PA chunk before IDAT").isPositive().isLessThan(latin.indexOf("IDAT"));

        assertXmp(StandardReaders.exiftool(file), "image/png");
        assertValidButUntrusted(StandardReaders.c2pa(file, "image/png"), "c2pa.hash.data");
        assertThat(ImageIO.read(file.toFile()).getWidth()).as("still decodes").isEqualTo(64);

        Path root = Files.writeString(dir.resolve("root.pem"),
                SigningCredential.issuedBy(PlatformKey.loadOrCreate(dir.resolve("keys"))).rootPem());
        JsonNode trusted = StandardReaders.c2pa(file, "image/png", root).path("store");
        assertThat(trusted.path("validation_state").asText()).as("trusting the platform's root: %s", trusted)
                .isEqualTo("Trusted");
        assertThat(trusted.path("validation_results").path("activeManifest").path("failure").size()).isZero();

        int idat = latin.indexOf("IDAT");
        marked[idat + 10] ^= 0x01; // one bit of the compressed image data (the chunk's CRC no longer matches either)
        Files.write(file, marked);
        assertTampered(StandardReaders.c2pa(file, "image/png"));
    }

    @Test
    void aJpegCarriesXmpInApp1AndContentCredentialsInApp11() throws Exception {
        Path file = mark("digit.jpg", image("jpeg"), "image/jpeg");
        byte[] marked = Files.readAllBytes(file);

        assertXmp(StandardReaders.exiftool(file), "image/jpeg");
        assertValidButUntrusted(StandardReaders.c2pa(file, "image/jpeg"), "c2pa.hash.data");
        assertThat(ImageIO.read(file.toFile()).getHeight()).as("still decodes").isEqualTo(48);
        assertThat(JpegSegments.withoutMarks(marked)).as("removing the marks gives the original back")
                .isEqualTo(image("jpeg"));

        marked[marked.length - 20] ^= 0x01; // a bit of the entropy-coded scan
        Files.write(file, marked);
        assertTampered(StandardReaders.c2pa(file, "image/jpeg"));
    }

    @Test
    void anMp4CarriesXmpAndContentCredentialsInUuidBoxes() throws Exception {
        byte[] original = mp4();
        Path file = mark("clip.mp4", original, "video/mp4");
        byte[] marked = Files.readAllBytes(file);
        assertThat(Mp4Boxes.split(marked).withoutProvenance()).isEqualTo(original);

        assertXmp(StandardReaders.exiftool(file), "video/mp4");
        assertValidButUntrusted(StandardReaders.c2pa(file, "video/mp4"), "c2pa.hash.bmff.v2");

        int mdat = new String(marked, StandardCharsets.ISO_8859_1).indexOf("mdat");
        marked[mdat + 20] ^= 0x55; // a byte of the coded video
        Files.write(file, marked);
        assertTampered(StandardReaders.c2pa(file, "video/mp4"));
    }

    @Test
    void theManifestLabelIsFoundInEachFormatAndNoneInABareFile() throws Exception {
        for (String[] kind : new String[][] {{"a.png", "image/png"}, {"a.jpg", "image/jpeg"}, {"a.mp4", "video/mp4"}}) {
            byte[] bare = kind[1].equals("video/mp4") ? mp4() : image(kind[1].equals("image/png") ? "png" : "jpeg");
            assertThat(ContentCredentials.manifestLabel(bare)).as(kind[0]).isEmpty();
            Path file = mark(kind[0], bare, kind[1]);
            String xmpProvenance = StandardReaders.exiftool(file).path("XMP-dcterms:Provenance").asText();
            assertThat(ContentCredentials.manifestLabel(Files.readAllBytes(file))).as(kind[0])
                    .hasValueSatisfying(label -> assertThat(xmpProvenance).isEqualTo("self#jumbf=/c2pa/" + label));
        }
        assertThat(ContentCredentials.manifestLabel(new byte[] {1, 2, 3})).isEmpty();
    }

    static void assertXmp(JsonNode tags, String mediaType) {
        assertThat(tags.path("XMP-iptcExt:DigitalSourceType").asText()).as(tags.toPrettyString()).isEqualTo(TRAINED);
        assertThat(tags.path("XMP-xmp:CreatorTool").asText()).contains("hallmark-image 1.0.0", "model mnist-gan");
        assertThat(tags.path("XMP-dc:Format").asText()).isEqualTo(mediaType);
        assertThat(tags.path("XMP-dcterms:Provenance").asText()).startsWith("self#jumbf=/c2pa/urn:c2pa:");
    }

    /** Read, signature and binding valid; the only complaint is that the signer's root is on no trust list. */
    static void assertValidButUntrusted(JsonNode report, String binding) {
        assertThat(report.path("read").asBoolean()).as(report.toPrettyString()).isTrue();
        JsonNode store = report.path("store");
        JsonNode manifest = store.path("manifests").path(report.path("activeLabel").asText());
        assertThat(manifest.isObject()).as(store.toPrettyString()).isTrue();
        List<String> failures = codes(store.path("validation_results").path("activeManifest").path("failure"));
        List<String> successes = codes(store.path("validation_results").path("activeManifest").path("success"));
        assertThat(failures).as(store.toPrettyString()).containsExactly("signingCredential.untrusted");
        assertThat(successes).as(store.toPrettyString()).contains("claimSignature.validated",
                "assertion.hashedURI.match", binding.equals("c2pa.hash.data") ? "assertion.dataHash.match"
                        : "assertion.bmffHash.match");
        assertThat(store.path("validation_state").asText()).as("well-formed and valid, not trusted")
                .isEqualTo("Valid");

        String json = manifest.toString();
        assertThat(json).contains("c2pa.created", TRAINED, "hallmark-image", ContentCredentials.HALLMARK_ASSERTION,
                "mnist-gan", "b".repeat(64), "APPROVE", "default@");
        assertThat(manifest.path("signature_info").path("issuer").asText()).isEqualTo("Hallmark");
    }

    static void assertTampered(JsonNode report) {
        JsonNode failure = report.path("store").path("validation_results").path("activeManifest").path("failure");
        assertThat(codes(failure)).as(report.toPrettyString()).anyMatch(c -> c.endsWith("Hash.mismatch"));
    }

    private static List<String> codes(JsonNode statuses) {
        List<String> out = new ArrayList<>();
        statuses.forEach(s -> out.add(s.path("code").asText()));
        return out;
    }
}
