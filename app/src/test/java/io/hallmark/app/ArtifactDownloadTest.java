package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.provenance.ProvenanceVerifier;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.StandardReaders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/content/{id}/artifact} serves a generated image with its provenance, as {@code hallmark
 * generate --out} writes it: XMP that exiftool reads, Content Credentials the official C2PA library validates,
 * Hallmark's own manifest that {@code hallmark verify} accepts; the same item downloads to the same bytes.
 */
class ArtifactDownloadTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static UUID storeImage(String format, String mediaType) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        byte[] bytes = out.toByteArray();
        String sha256 = server.platform().blobs().put(bytes).sha256();
        return server.platform().database().inTransaction(s -> {
            ContentItem item = new ContentItem(Modality.IMAGE, "a green dot");
            item.setPlugin("hallmark-image", "1.2.3");
            item.setModel("mnist-gan", "e".repeat(64));
            item.setSeed(9L);
            item.setArtifact(sha256, mediaType, bytes.length);
            item.setStatus(ContentStatus.APPROVED);
            item.setCreatedBy("tester");
            s.persist(item);
            GovernanceReport r = new GovernanceReport(item.id(), Map.of("decision", Map.of("action", "APPROVE",
                    "policy", "default", "fired", List.of())));
            r.decide(Decision.APPROVE, null, null);
            s.persist(r);
            return item.id();
        });
    }

    static byte[] download(UUID id) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/content/" + id
                + "/artifact")).header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(r.body().length);
        return r.body();
    }

    @Test
    void aDownloadedPngAndJpegCarryXmpContentCredentialsAndTheSignedManifest() throws Exception {
        for (String[] kind : new String[][] {{"png", "image/png"}, {"jpeg", "image/jpeg"}}) {
            UUID id = storeImage(kind[0], kind[1]);
            byte[] body = download(id);
            assertThat(download(id)).as("reproducible").isEqualTo(body);
            Path file = Files.write(work.resolve(id + "." + kind[0]), body);

            assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(40);
            JsonNode tags = StandardReaders.exiftool(file);
            assertThat(tags.path("XMP-iptcExt:DigitalSourceType").asText())
                    .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
            JsonNode report = StandardReaders.c2pa(file, kind[1]);
            JsonNode store = report.path("store");
            assertThat(store.path("validation_state").asText()).as(report.toPrettyString()).isEqualTo("Valid");
            assertThat(store.path("validation_results").path("activeManifest").path("failure").findValuesAsText("code"))
                    .containsExactly("signingCredential.untrusted");
            String manifest = store.path("manifests").path(report.path("activeLabel").asText()).toString();
            assertThat(manifest).contains("hallmark-image", "1.2.3", "mnist-gan", "e".repeat(64), "APPROVE",
                    id.toString());

            if (kind[0].equals("png")) { // JPEG keeps Hallmark's manifest in a sidecar, which a download has not
                ProvenanceVerifier.Result own = ProvenanceVerifier.verify(file,
                        PlatformKey.readVerifierKey(dataDir.resolve("keys")));
                assertThat(own.status()).as(own.message()).isEqualTo(ProvenanceVerifier.Status.VERIFIED);
                assertThat(own.manifest().path("contentItemId").asText()).isEqualTo(id.toString());
            }
        }
    }
}
