package io.hallmark.imagegen.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNIST GAN generator and VAE decoder from the shared models, through DJL's ONNX Runtime engine. */
class LatentGeneratorTest {

    static {
        SharedModels.models();
    }

    @Test
    void readsTheLatentSizeAndInputNameFromEachModel() throws Exception {
        LatentGenerator gan = LatentGenerator.open(SharedModels.gan(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        LatentGenerator vae = LatentGenerator.open(SharedModels.vae(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        assertThat(gan.latentSize()).isEqualTo(64);
        assertThat(vae.latentSize()).isEqualTo(20);
        assertThat(gan.inputName()).isEqualTo("z");
        assertThat(vae.onnxFile().getFileName().toString()).isEqualTo("mnist_vae_decoder.onnx");
    }

    @Test
    void aBatchOfDigitsIsDeterministicForASeedAndLooksLikeDigits() throws Exception {
        LatentGenerator gan = LatentGenerator.open(SharedModels.gan(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        List<FloatImage> batch = gan.generate(11, 4);
        assertThat(batch).hasSize(4);
        assertThat(gan.generate(11, 4)).isEqualTo(batch);
        assertThat(gan.generate(11, 1).getFirst()).as("image i depends on the seed and i only").isEqualTo(batch.getFirst());
        assertThat(gan.generate(12, 1).getFirst()).isNotEqualTo(batch.getFirst());
        for (FloatImage image : batch) {
            assertThat(image.width()).isEqualTo(28);
            assertThat(image.height()).isEqualTo(28);
            int ink = 0;
            int dark = 0;
            for (float v : image.pixels()) {
                assertThat(v).isBetween(0f, 1f);
                ink += v > 0.5f ? 1 : 0;
                dark += v < 0.2f ? 1 : 0;
            }
            int pixels = image.pixels().length;
            assertThat(ink).as("a digit's strokes").isBetween(pixels / 40, pixels / 2);
            assertThat(dark).as("a dark background").isGreaterThan(pixels / 2);
            assertThat(image.get(0, 0, 0)).as("corners are background").isLessThan(0.2f);
        }
    }

    @Test
    void theVaeDecodesNeighbouringLatentsToSimilarImages() throws Exception {
        LatentGenerator vae = LatentGenerator.open(SharedModels.vae(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        List<float[]> path = Latents.trajectory(3, 21, 20, vae.latentSize());
        List<FloatImage> frames = vae.decode(path);
        double neighbours = meanAbsDifference(frames.get(0), frames.get(1));
        double ends = meanAbsDifference(frames.getFirst(), frames.getLast());
        assertThat(neighbours).isLessThan(ends / 4);
    }

    @Test
    void aFolderWithoutExactlyOneOnnxFileIsRefusedNamingWhatWasExpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.onnx"), "x");
        Files.writeString(dir.resolve("b.onnx"), "y");
        assertThatThrownBy(() -> LatentGenerator.open(dir, OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE))
                .hasMessageContaining("expected exactly one .onnx file").hasMessageContaining("a.onnx, b.onnx");
    }

    @Test
    void aLatentOfTheWrongSizeIsRefused() throws Exception {
        LatentGenerator vae = LatentGenerator.open(SharedModels.vae(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        assertThatThrownBy(() -> vae.decode(List.of(new float[64]))).hasMessageContaining("has 64 values")
                .hasMessageContaining("takes 20");
    }

    static double meanAbsDifference(FloatImage a, FloatImage b) {
        double sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs(a.pixels()[i] - b.pixels()[i]);
        }
        return sum / a.pixels().length;
    }
}
