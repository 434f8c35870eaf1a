package io.hallmark.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.audit.Hashes;
import io.hallmark.core.audit.PlatformKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    private PlatformKey key() {
        return PlatformKey.loadOrCreate(dir.resolve("keys"));
    }

    private static ProvenanceManifest manifest() {
        return new ProvenanceManifest("0".repeat(64), "application/octet-stream", "image-generator", "1.0.0",
                "acme+1234abcd", "tiny-vae", "a".repeat(64), Map.of("steps", 20, "guidance", 7.5), 42L, "APPROVE",
                "default@3", Instant.parse("2026-11-28T12:00:00Z"), "0193c0de-0000-7000-8000-000000000001");
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aMarkedPngCarriesItsSignedManifestAndStillDecodes() throws Exception {
        PlatformKey key = key();
        Path file = dir.resolve("lighthouse.png");
        byte[] original = png();
        Files.write(file, original);

        new ProvenanceMarker(key).mark(file, manifest(), "image/png", false);

        byte[] marked = Files.readAllBytes(file);
        assertThat(ImageIO.read(new ByteArrayInputStream(marked)).getRGB(3, 3) & 0xffffff).isEqualTo(0xff0000);
        PngChunks.Split split = PngChunks.split(marked);
        assertThat(split.withoutProvenance()).isEqualTo(original);
        assertThat(split.provenance()).get().asString()
                .contains("\"digitalSourceType\":\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"")
                .contains("\"sha256\":\"" + Hashes.sha256Hex(original) + "\"")
                .contains("\"seed\":42").contains("\"decision\":\"APPROVE\"");
        assertThat(ProvenanceMarker.sidecarOf(file)).exists();

        // the embedded copy is enough: without the sidecar it still verifies
        Files.delete(ProvenanceMarker.sidecarOf(file));
        ProvenanceVerifier.Result result = ProvenanceVerifier.verify(file, key.verifierKey());
        assertThat(result.status()).isEqualTo(ProvenanceVerifier.Status.VERIFIED);
        assertThat(result.source()).startsWith("embedded");
        assertThat(result.manifest().path("generator").path("pluginId").asText()).isEqualTo("image-generator");
    }

    @Test
    void aChangedPixelIsReportedAsModified() throws Exception {
        PlatformKey key = key();
        Path file = dir.resolve("a.png");
        Files.write(file, png());
        new ProvenanceMarker(key).mark(file, manifest(), "image/png", false);
        byte[] marked = Files.readAllBytes(file);
        // re-encode a changed image and carry the old chunk over: the hash no longer matches
        String chunkText = PngChunks.split(marked).provenance().orElseThrow();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(marked));
        img.setRGB(0, 0, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        Files.write(file, PngChunks.embed(out.toByteArray(), chunkText));

        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status())
                .isEqualTo(ProvenanceVerifier.Status.MODIFIED);
    }

    @Test
    void textGetsASidecarAndAnOptionalDisclosureLine() throws Exception {
        PlatformKey key = key();
        Path file = dir.resolve("story.txt");
        Files.writeString(file, "Once upon a time, a lighthouse.");

        new ProvenanceMarker(key).mark(file, manifest(), "text/plain", true);

        assertThat(Files.readString(file)).startsWith("Once upon a time, a lighthouse.\n\nAI-generated with Hallmark "
                + "(image-generator 1.0.0, model tiny-vae); provenance record sha256:");
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status()).isEqualTo(ProvenanceVerifier.Status.VERIFIED);

        Files.writeString(file, Files.readString(file).replace("lighthouse", "castle"));
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status()).isEqualTo(ProvenanceVerifier.Status.MODIFIED);
    }

    @Test
    void anEditedRecordAForeignKeyAndAMissingManifestAreTold(@TempDir Path otherDir) throws Exception {
        PlatformKey key = key();
        Path file = dir.resolve("clip.mp4");
        Files.write(file, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        new ProvenanceMarker(key).mark(file, manifest(), "video/mp4", false);
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status()).isEqualTo(ProvenanceVerifier.Status.VERIFIED);

        PlatformKey other = PlatformKey.loadOrCreate(otherDir.resolve("keys"));
        assertThat(ProvenanceVerifier.verify(file, other.verifierKey()).status())
                .isEqualTo(ProvenanceVerifier.Status.OTHER_SIGNER);

        Path sidecar = ProvenanceMarker.sidecarOf(file);
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"APPROVE\"", "\"REJECT\""), StandardCharsets.UTF_8);
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status())
                .isEqualTo(ProvenanceVerifier.Status.INVALID_SIGNATURE);

        Path bare = dir.resolve("bare.bin");
        Files.write(bare, new byte[] {1});
        assertThat(ProvenanceVerifier.verify(bare, key.verifierKey()).status()).isEqualTo(ProvenanceVerifier.Status.NO_MANIFEST);
    }

    @Test
    void aMarkedMp4CarriesItsManifestInAUuidBoxAndStillDecodes() throws Exception {
        PlatformKey key = key();
        java.util.List<io.hallmark.imagegen.FloatImage> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] gray = new float[32 * 32];
            java.util.Arrays.fill(gray, i / 6f);
            frames.add(io.hallmark.imagegen.FloatImage.fromGray(32, 32, gray));
        }
        byte[] original = io.hallmark.imagegen.video.Mp4Encoder.encode(frames, 6);
        Path file = Files.write(dir.resolve("clip.mp4"), original);
        new ProvenanceMarker(key).mark(file, manifest(), "video/mp4", false);

        byte[] marked = Files.readAllBytes(file);
        assertThat(marked.length).isGreaterThan(original.length);
        assertThat(Mp4Boxes.split(marked).withoutProvenance()).isEqualTo(original);
        Files.delete(ProvenanceMarker.sidecarOf(file));
        ProvenanceVerifier.Result result = ProvenanceVerifier.verify(file, key.verifierKey());
        assertThat(result.status()).isEqualTo(ProvenanceVerifier.Status.VERIFIED);
        assertThat(result.source()).startsWith("embedded (MP4 uuid box");
        assertThat(result.manifest().path("content").path("mediaType").asText()).isEqualTo("video/mp4");
        int decoded = 0;
        try (var channel = org.jcodec.common.io.NIOUtils.readableChannel(file.toFile())) {
            var grab = org.jcodec.api.FrameGrab.createFrameGrab(channel);
            while (grab.getNativeFrame() != null) {
                decoded++;
            }
        }
        assertThat(decoded).as("the marked file still plays").isEqualTo(6);

        int mdat = new String(marked, StandardCharsets.ISO_8859_1).indexOf("mdat");
        marked[mdat + 20] ^= 0x55; // a byte of the coded video
        Files.write(file, marked);
        assertThat(ProvenanceVerifier.verify(file, key.verifierKey()).status()).isEqualTo(ProvenanceVerifier.Status.MODIFIED);
    }
}
