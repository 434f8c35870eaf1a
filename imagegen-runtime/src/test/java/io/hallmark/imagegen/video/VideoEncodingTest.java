package io.hallmark.imagegen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.SharedModels;
import io.hallmark.imagegen.latent.LatentGenerator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clips from the MNIST VAE decoder's latent space, encoded as MP4 (H.264) and GIF, decoded back. */
class VideoEncodingTest {

    static {
        SharedModels.models();
    }

    @TempDir
    Path dir;

    private List<FloatImage> frames(VideoSettings settings) throws Exception {
        LatentGenerator vae = LatentGenerator.open(SharedModels.vae(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        List<int[]> progress = new ArrayList<>();
        List<FloatImage> frames = LatentVideo.render(vae, 21, settings, 12, (done, total) -> progress.add(new int[] {done, total}),
                () -> false);
        assertThat(progress.getLast()).containsExactly(settings.frames(), settings.frames());
        return frames;
    }

    @Test
    void anMp4DecodesBackToTheSameNumberOfFramesOfTheRightSize() throws Exception {
        VideoSettings settings = new VideoSettings(36, 12, 112, 112);
        List<FloatImage> frames = frames(settings);
        byte[] mp4 = Mp4Encoder.encode(frames, settings.fps());
        Path file = Files.write(dir.resolve("clip.mp4"), mp4);

        int decoded = 0;
        double firstFrameMean = -1;
        try (FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            for (Picture p; (p = grab.getNativeFrame()) != null; ) {
                assertThat(p.getWidth()).isEqualTo(112);
                assertThat(p.getHeight()).isEqualTo(112);
                if (decoded == 0) {
                    firstFrameMean = meanLuma(p);
                }
                decoded++;
            }
        }
        assertThat(decoded).isEqualTo(36);
        double expected = 0;
        for (float v : frames.getFirst().pixels()) {
            expected += v;
        }
        expected = expected / frames.getFirst().pixels().length * 255;
        assertThat(firstFrameMean).as("the decoded frame has the rendered frame's brightness").isCloseTo(expected, within(12.0));

        ffprobe(file).ifPresent(stream -> {
            assertThat(stream.path("codec_name").asText()).isEqualTo("h264");
            assertThat(stream.path("width").asInt()).isEqualTo(112);
            assertThat(stream.path("nb_read_frames").asInt()).isEqualTo(36);
            assertThat(stream.path("duration").asDouble()).isCloseTo(3.0, within(0.1));
        });
    }

    @Test
    void theSameFramesGiveTheSameMp4BytesWhateverTheClockSays() throws Exception {
        List<FloatImage> frames = frames(new VideoSettings(6, 6, 32, 32));
        byte[] first = Mp4Encoder.encode(frames, 6);
        Thread.sleep(1100); // the muxer's header times have a resolution of one second
        assertThat(Mp4Encoder.encode(frames, 6)).isEqualTo(first);
    }

    @Test
    void aGifPreviewHasOneImagePerFrameAndLoops() throws Exception {
        VideoSettings settings = new VideoSettings(10, 10, 56, 56);
        byte[] gif = GifEncoder.encode(frames(settings), settings.fps());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(10);
            assertThat(reader.read(0).getWidth()).isEqualTo(56);
            reader.dispose();
        }
        assertThat(new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
    }

    @Test
    void oddSizesAndBadRatesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> new VideoSettings(10, 12, 27, 28)).hasMessageContaining("width 27")
                .hasMessageContaining("even");
        assertThatThrownBy(() -> new VideoSettings(10, 0, 28, 28)).hasMessageContaining("Frame rate 0");
        assertThatThrownBy(() -> Mp4Encoder.encode(List.of(FloatImage.fromGray(3, 3, new float[9])), 10))
                .hasMessageContaining("even frame sizes");
    }

    @Test
    void renderingStopsWhenCancelled() throws Exception {
        LatentGenerator vae = LatentGenerator.open(SharedModels.vae(), OnnxLoader.direct(), LatentGenerator.ValueRange.ZERO_TO_ONE);
        int[] batches = {0};
        assertThatThrownBy(() -> LatentVideo.render(vae, 1, new VideoSettings(100, 10, 28, 28), 10,
                (done, total) -> batches[0]++, () -> batches[0] >= 1))
                .isInstanceOf(LatentVideo.CancellationException.class).hasMessageContaining("after 32 of 100 frames");
    }

    private static double meanLuma(Picture p) {
        byte[] y = p.getPlaneData(0);
        double sum = 0;
        for (byte b : y) {
            sum += b + 128;
        }
        return sum / y.length;
    }

    /** The video stream as ffprobe reports it, or empty when ffprobe is not installed. */
    static java.util.Optional<JsonNode> ffprobe(Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,nb_read_frames,duration", "-of", "json", file.toString());
        Process process;
        try {
            process = pb.redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty(); // ffprobe is not installed: the JCodec checks above stand alone
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes())).isZero();
        return java.util.Optional.of(new ObjectMapper().readTree(out).path("streams").get(0));
    }
}
