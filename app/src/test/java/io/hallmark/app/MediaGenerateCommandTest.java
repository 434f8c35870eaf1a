package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.provenance.Mp4Boxes;
import io.hallmark.core.provenance.PngChunks;
import io.hallmark.core.provenance.ProvenanceMarker;
import io.hallmark.core.testing.StandardReaders;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.imagegen.encode.GenerationRecord;
import io.hallmark.imagegen.encode.ImageEncoder;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hallmark generate --modality image|video --out FILE} end to end: the bundled image and video plugins, the
 * host's ONNX model runtime, the governed pipeline, and the written file marked with its provenance, which
 * {@code hallmark verify} accepts.
 */
class MediaGenerateCommandTest {

    @TempDir
    static Path work;

    static Path dataDir;

    static Path pluginJar(String name) {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(name) && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " jar not on the test class path; run "
                        + "./mvnw -pl app -am verify"));
    }

    @BeforeAll
    static void dataDirectoryWithTheBundledMediaPlugins() throws Exception {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
        dataDir = Files.createDirectories(work.resolve("data"));
        Path bundled = Files.createDirectories(work.resolve("plugins"));
        Files.copy(pluginJar("image-generator"), bundled.resolve("image-generator.jar"));
        Files.copy(pluginJar("video-generator"), bundled.resolve("video-generator.jar"));
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "bundled-plugins-dir=" + bundled + "\nmodels-dir="
                + TestPaths.sharedDir().resolve("models") + "\ndevice=cpu\n");
        GovernedDataDir.prepare(dataDir, work); // every governance check must run, or items fail closed
    }

    private static JsonNode run(StringWriter err, String... args) throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as(out + "\n" + err).isZero();
        return JsonOutput.mapper().readTree(out.toString());
    }

    private static String verify(Path file) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("verify", "--data-dir", dataDir.toString(), file.toString());
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void anImageIsGovernedKeptAndWrittenAsAPngWithItsParametersAndEmbeddedProvenance() throws Exception {
        Path png = work.resolve("out/digit.png");
        JsonNode result = run(new StringWriter(), "generate", "--data-dir", dataDir.toString(), "--modality", "image",
                "--prompt", "a handwritten seven", "--seed", "7", "--width", "112", "--height", "112", "--out",
                png.toString(), "--json");

        assertThat(result.path("status").asText()).as("governed under the default policy").isEqualTo("APPROVED");
        assertThat(result.path("plugin").asText()).startsWith("hallmark-image@");
        assertThat(result.path("model").asText()).isEqualTo("mnist-gan");
        assertThat(result.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(result.path("metadata").path("runtime").asText()).as("the model came from the host's runtime")
                .isEqualTo("host");
        byte[] bytes = Files.readAllBytes(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(112);
        assertThat(ImageEncoder.pngText(bytes).get(GenerationRecord.PARAMETERS_KEY)).contains("\"seed\":7");
        assertThat(PngChunks.split(bytes).provenance()).isPresent();
        assertThat(ProvenanceMarker.sidecarOf(png)).exists();
        assertThat(verify(png)).startsWith("VERIFIED").contains("source: embedded (PNG iTXt")
                .contains("generator: hallmark-image").contains("governance: APPROVE")
                .contains("content credentials: C2PA manifest urn:c2pa:");
        assertStandardMarks(png, "image/png", "hallmark-image", "c2pa.hash.data");

        StringWriter pem = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(pem));
        assertThat(cli.execute("audit", "c2pa-root", "--data-dir", dataDir.toString())).isZero();
        assertThat(pem.toString()).startsWith("-----BEGIN CERTIFICATE-----");
        Path root = Files.writeString(work.resolve("c2pa-root.pem"), pem.toString());
        JsonNode trusted = StandardReaders.c2pa(png, "image/png", root).path("store");
        assertThat(trusted.path("validation_state").asText()).as("with the root `hallmark audit c2pa-root` prints as "
                + "a trust anchor: %s", trusted).isEqualTo("Trusted");
    }

    @Test
    void anImageWrittenAsAJpegCarriesXmpAndContentCredentials() throws Exception {
        Path jpg = work.resolve("out/digit.jpg");
        JsonNode result = run(new StringWriter(), "generate", "--data-dir", dataDir.toString(), "--modality", "image",
                "--prompt", "a handwritten three", "--seed", "3", "--width", "56", "--height", "56", "--out",
                jpg.toString(), "--json");

        assertThat(result.path("status").asText()).isEqualTo("APPROVED");
        assertThat(result.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(result.path("provenance").asText()).startsWith("sidecar").contains("C2PA Content Credentials");
        assertThat(ImageIO.read(jpg.toFile()).getWidth()).isEqualTo(56);
        assertThat(verify(jpg)).startsWith("VERIFIED").contains("source: sidecar")
                .contains("content credentials: C2PA manifest urn:c2pa:");
        assertStandardMarks(jpg, "image/jpeg", "hallmark-image", "c2pa.hash.data");
    }

    /**
     * What others read: exiftool finds the XMP packet with IPTC's digital source type, and the official C2PA library
     * validates the Content Credentials (signature and hash binding), flagging only the platform's self-issued root
     * as on no trust list; the manifest names the generator, the model with its hash and the governance decision.
     */
    static void assertStandardMarks(Path file, String mediaType, String generator, String binding) throws Exception {
        JsonNode tags = StandardReaders.exiftool(file);
        assertThat(tags.path("XMP-iptcExt:DigitalSourceType").asText()).as(tags.toPrettyString())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(tags.path("XMP-xmp:CreatorTool").asText()).contains(generator);

        JsonNode report = StandardReaders.c2pa(file, mediaType);
        JsonNode store = report.path("store");
        assertThat(store.path("validation_state").asText()).as(report.toPrettyString()).isEqualTo("Valid");
        JsonNode results = store.path("validation_results").path("activeManifest");
        assertThat(results.path("failure").findValuesAsText("code")).containsExactly("signingCredential.untrusted");
        assertThat(results.path("success").findValuesAsText("code")).contains("claimSignature.validated",
                binding.equals("c2pa.hash.data") ? "assertion.dataHash.match" : "assertion.bmffHash.match");
        JsonNode manifest = store.path("manifests").path(report.path("activeLabel").asText());
        JsonNode hallmark = null;
        for (JsonNode a : manifest.path("assertions")) {
            if (a.path("label").asText().equals("io.hallmark.provenance")) {
                hallmark = a.path("data");
            }
        }
        assertThat(hallmark).as(manifest.toPrettyString()).isNotNull();
        assertThat(hallmark.path("generator").path("pluginId").asText()).isEqualTo(generator);
        assertThat(hallmark.path("model").path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(hallmark.path("governance").path("decision").asText()).isEqualTo("APPROVE");
        assertThat(manifest.toString()).contains("c2pa.created", "trainedAlgorithmicMedia");
    }

    @Test
    void aVideoIsWrittenAsAnMp4ThatDecodesWithItsFramesAndCarriesItsProvenance() throws Exception {
        Path mp4 = work.resolve("out/clip.mp4");
        StringWriter err = new StringWriter();
        JsonNode result = run(err, "generate", "--data-dir", dataDir.toString(), "--modality", "video", "--prompt",
                "digits morphing into each other", "--seed", "3", "--frames", "24", "--fps", "12", "--width", "128",
                "--height", "128", "--out", mp4.toString(), "--json");

        assertThat(result.path("status").asText()).isEqualTo("APPROVED");
        assertThat(result.path("mediaType").asText()).isEqualTo("video/mp4");
        assertThat(result.path("provenance").asText()).startsWith("embedded and sidecar");
        int frames = 0;
        try (var channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            for (Picture p; (p = grab.getNativeFrame()) != null; frames++) {
                assertThat(p.getWidth()).isEqualTo(128);
            }
        }
        assertThat(frames).isEqualTo(24);
        assertThat(Mp4Boxes.split(Files.readAllBytes(mp4)).provenance()).isPresent();
        assertThat(verify(mp4)).startsWith("VERIFIED").contains("source: embedded (MP4 uuid box")
                .contains("content credentials: C2PA manifest urn:c2pa:");
        assertStandardMarks(mp4, "video/mp4", "hallmark-video", "c2pa.hash.bmff.v2");
        ffprobe(mp4).ifPresent(stream -> {
            assertThat(stream.path("codec_name").asText()).isEqualTo("h264");
            assertThat(stream.path("nb_read_frames").asInt()).isEqualTo(24);
            assertThat(stream.path("duration").asDouble()).isCloseTo(2.0, within(0.1));
        });
    }

    /** The video stream as ffprobe reports it, or empty when ffprobe is not installed. */
    static java.util.Optional<JsonNode> ffprobe(Path file) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,width,height,nb_read_frames,duration", "-of", "json",
                    file.toString()).start();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return java.util.Optional.of(JsonOutput.mapper().readTree(out).path("streams").get(0));
    }
}
