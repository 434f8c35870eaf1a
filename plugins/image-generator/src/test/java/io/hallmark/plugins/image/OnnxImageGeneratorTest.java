package io.hallmark.plugins.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.imagegen.encode.GenerationRecord;
import io.hallmark.imagegen.encode.ImageEncoder;
import io.hallmark.testkit.ContentGeneratorContract;
import io.hallmark.testkit.RecordingContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxImageGeneratorTest extends ContentGeneratorContract {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache"), "djl")
                    .toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
    }

    static Path models() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../../../shared")).resolve("models").toAbsolutePath().normalize();
    }

    @Override
    protected ContentGenerator generator() {
        return new OnnxImageGenerator();
    }

    @Override
    protected GenerationRequest validRequest() {
        return new GenerationRequest(Modality.IMAGE, "a handwritten digit", Map.of(), null);
    }

    @Override
    protected RecordingContext newContext() {
        return RecordingContext.withModels(models());
    }

    @Test
    void aDigitFromTheGanIsAPngThatRecordsItsParameters() throws Exception {
        GeneratedContent content = generate(new GenerationRequest(Modality.IMAGE, "a seven",
                Map.of("width", 112, "height", 112), 7L), newContext());

        assertThat(content.mediaType()).isEqualTo("image/png");
        assertThat(content.seed()).isEqualTo(7L);
        assertThat(content.model().id()).isEqualTo("mnist-gan");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(content.artifact()));
        assertThat(image.getWidth()).isEqualTo(112);
        assertThat(image.getHeight()).isEqualTo(112);
        Map<String, String> text = ImageEncoder.pngText(content.artifact());
        assertThat(text).containsEntry("Description", "a seven").containsEntry("Software", "Hallmark image generator");
        assertThat(text.get(GenerationRecord.PARAMETERS_KEY)).contains("\"seed\":7").contains("\"model\":\"mnist-gan\"")
                .contains("\"pipeline\":\"latent\"").contains("\"width\":112");
        assertThat(content.metadata()).containsEntry("pipeline", "latent").containsEntry("runtime", "plugin")
                .containsKey("caption");
        assertThat(content.usage().frames()).isEqualTo(1);
    }

    @Test
    void aBatchIsOneGridPictureWhoseFirstTileIsTheSingleImageOfTheSameSeed() throws Exception {
        GeneratedContent one = generate(new GenerationRequest(Modality.IMAGE, "digits", Map.of(), 3L), newContext());
        GeneratedContent four = generate(new GenerationRequest(Modality.IMAGE, "digits", Map.of("count", 4), 3L), newContext());
        BufferedImage single = ImageIO.read(new ByteArrayInputStream(one.artifact()));
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(four.artifact()));
        assertThat(single.getWidth()).isEqualTo(28);
        assertThat(grid.getWidth()).isEqualTo(56);
        assertThat(grid.getHeight()).isEqualTo(56);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                assertThat(grid.getRGB(x, y)).isEqualTo(single.getRGB(x, y));
            }
        }
        assertThat(four.usage().frames()).isEqualTo(4);
        assertThat(four.metadata()).containsEntry("count", 4);
    }

    @Test
    void aJpegIsWrittenWhenAsked() throws Exception {
        GeneratedContent content = generate(new GenerationRequest(Modality.IMAGE, "a digit",
                Map.of("format", "jpeg", "width", 64, "height", 64), 1L), newContext());
        assertThat(content.mediaType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(content.artifact())).getWidth()).isEqualTo(64);
    }

    @Test
    void theVaeDecoderIsALatentGeneratorToo() throws Exception {
        GeneratedContent content = generate(new GenerationRequest(Modality.IMAGE, "a digit",
                Map.of("model", "mnist-vae"), 1L), newContext());
        assertThat(content.model().id()).isEqualTo("mnist-vae");
        assertThat(ImageIO.read(new ByteArrayInputStream(content.artifact())).getWidth()).isEqualTo(28);
    }

    @Test
    void requestsOverTheConfiguredLimitsAreRefusedNamingTheSetting() {
        RecordingContext limited = newContext().withConfig(Map.of("max-count", "2", "max-pixels", "10000"));
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.IMAGE, "digits", Map.of("count", 3), 1L), limited))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("count 3")
                .hasMessageContaining("limit of 2").hasMessageContaining("max-count");
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.IMAGE, "digits",
                Map.of("width", 200, "height", 200), 1L), limited))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("40000")
                .hasMessageContaining("max-pixels");
        assertThatThrownBy(() -> generator().info().validate(Map.of("format", "webp")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("jpeg, png");
    }

    @Test
    void aModelWithUnexpectedInputsOrLayoutIsRefusedSayingWhatWasExpected(@TempDir Path dir) throws Exception {
        Path twoFiles = Files.createDirectories(dir.resolve("two"));
        Files.copy(models().resolve("mnist-gan/mnist_gan_mlp_generator.onnx"), twoFiles.resolve("a.onnx"));
        Files.copy(models().resolve("mnist-vae/mnist_vae_decoder.onnx"), twoFiles.resolve("b.onnx"));
        RecordingContext context = RecordingContext.withModels(dir);
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.IMAGE, "x", Map.of("model", "two"), 1L), context))
                .isInstanceOf(GenerationFailedException.class).hasMessageContaining("expected an .onnx latent generator");
    }
}
