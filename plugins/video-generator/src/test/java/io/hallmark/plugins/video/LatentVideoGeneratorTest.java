package io.hallmark.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.testkit.ContentGeneratorContract;
import io.hallmark.testkit.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentVideoGeneratorTest extends ContentGeneratorContract {

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
        return new LatentVideoGenerator();
    }

    @Override
    protected GenerationRequest validRequest() {
        return new GenerationRequest(Modality.VIDEO, "digits morphing", Map.of("frames", 12, "width", 64, "height", 64), null);
    }

    @Override
    protected RecordingContext newContext() {
        return RecordingContext.withModels(models());
    }

    @Test
    void aClipIsAnMp4WithTheRequestedFramesSizeAndRate(@TempDir Path dir) throws Exception {
        RecordingContext context = newContext();
        GeneratedContent clip = generate(new GenerationRequest(Modality.VIDEO, "digits morphing",
                Map.of("frames", 30, "fps", 10, "width", 96, "height", 64), 5L), context);

        assertThat(clip.mediaType()).isEqualTo("video/mp4");
        assertThat(clip.usage().frames()).isEqualTo(30);
        assertThat(clip.metadata()).containsEntry("codec", "h264").containsEntry("seconds", 3.0);
        Path file = Files.write(dir.resolve("clip.mp4"), clip.artifact());
        int frames = 0;
        try (var channel = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            for (Picture p; (p = grab.getNativeFrame()) != null; frames++) {
                assertThat(p.getWidth()).isEqualTo(96);
                assertThat(p.getHeight()).isEqualTo(64);
            }
        }
        assertThat(frames).isEqualTo(30);
        assertThat(context.progressReports().getLast().fraction()).isEqualTo(1.0);
        assertThat(context.progressReports()).anySatisfy(p -> assertThat(p.message()).isEqualTo("frame 30/30"));
    }

    @Test
    void aGifPreviewIsWrittenWhenAsked() {
        GeneratedContent gif = generate(new GenerationRequest(Modality.VIDEO, "digits",
                Map.of("frames", 8, "format", "gif", "width", 56, "height", 56), 2L), newContext());
        assertThat(gif.mediaType()).isEqualTo("image/gif");
        assertThat(new String(gif.artifact(), 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("GIF89a");
    }

    @Test
    void tooManyFramesAndOddSizesAreRefusedSayingWhatWasExpected() {
        RecordingContext limited = newContext().withConfig(Map.of("max-frames", "20"));
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.VIDEO, "x", Map.of("frames", 21), 1L), limited))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("frames 21")
                .hasMessageContaining("limit of 20").hasMessageContaining("max-frames");
        assertThatThrownBy(() -> generate(new GenerationRequest(Modality.VIDEO, "x",
                Map.of("frames", 4, "width", 63), 1L), newContext()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("width 63").hasMessageContaining("even");
    }
}
