package io.hallmark.imagegen.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.imagegen.FloatImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageEncoderTest {

    static FloatImage gradient(int w, int h) {
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = x / (float) (w - 1);
                px[i + 1] = y / (float) (h - 1);
                px[i + 2] = 0.5f;
            }
        }
        return new FloatImage(w, h, px);
    }

    @Test
    void aPngCarriesTheGenerationParametersAndDecodesToTheSamePixels() throws Exception {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("hallmark:parameters", "{\"seed\":7,\"prompt\":\"ein Hündchen\"}");
        meta.put("Software", "Hallmark");
        FloatImage image = gradient(32, 16);
        byte[] png = ImageEncoder.png(image, meta);

        assertThat(ImageEncoder.pngText(png)).containsExactlyEntriesOf(meta);
        assertThat(ImageEncoder.png(image, meta)).as("deterministic bytes").isEqualTo(png);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(32);
        assertThat(decoded.getHeight()).isEqualTo(16);
        assertThat(decoded.getRGB(31, 0) >> 16 & 0xff).isEqualTo(255);
        assertThat(decoded.getRGB(0, 15) >> 8 & 0xff).isEqualTo(255);
        assertThat(decoded.getRGB(5, 5) & 0xff).isEqualTo(128);
    }

    @Test
    void aJpegCarriesTheParametersInACommentAndStillDecodes() throws Exception {
        byte[] jpeg = ImageEncoder.encode(gradient(40, 40), ImageFormat.JPEG, Map.of("seed", "9"));
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("seed=9\n");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(40);
        assertThat(decoded.getRGB(39, 20) >> 16 & 0xff).isGreaterThan(230);
    }

    @Test
    void formatsParseByNameAndWebpIsRefusedWithTheReason() {
        assertThat(ImageFormat.parse("JPG")).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.parse("png").mediaType()).isEqualTo("image/png");
        assertThatThrownBy(() -> ImageFormat.parse("webp")).hasMessageContaining("png, jpeg")
                .hasMessageContaining("WebP");
    }

    @Test
    void aGridLaysABatchOutInRowsAndResizingKeepsTheCorners() {
        FloatImage a = gradient(4, 4);
        FloatImage grid = FloatImage.grid(List.of(a, a, a), 2);
        assertThat(grid.width()).isEqualTo(8);
        assertThat(grid.height()).isEqualTo(8);
        assertThat(grid.get(7, 3, 0)).isEqualTo(1f);
        assertThat(grid.get(7, 7, 0)).as("the empty cell is black").isZero();
        FloatImage big = a.resized(40, 40);
        assertThat(big.get(0, 0, 0)).isZero();
        assertThat(big.get(39, 39, 0)).isEqualTo(1f);
        assertThatThrownBy(() -> new FloatImage(2, 2, new float[5])).hasMessageContaining("needs 12 floats");
    }
}
