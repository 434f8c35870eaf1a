package io.hallmark.plugins.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.imagegen.encode.GenerationRecord;
import io.hallmark.imagegen.encode.ImageEncoder;
import io.hallmark.testkit.RecordingContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The image generator picks the Stable Diffusion pipeline for a folder with model_index.json (tiny-sd-onnx). */
class StableDiffusionThroughPluginTest {

    static {
        OnnxImageGeneratorTest.models(); // the same DJL set-up
    }

    private final OnnxImageGenerator generator = new OnnxImageGenerator();

    private static GenerationRequest request(Map<String, Object> parameters, long seed) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("model", "tiny-sd-onnx", "steps", 3));
        all.putAll(parameters);
        return new GenerationRequest(Modality.IMAGE, "a photo of an astronaut riding a horse on mars", all, seed);
    }

    private GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        return generator.generate(request.withParameters(generator.info().validate(request.parameters())), context);
    }

    @Test
    void generatesAPngFromThePromptWithItsParametersAndProgressPerStep() throws Exception {
        RecordingContext context = RecordingContext.withModels(OnnxImageGeneratorTest.models());
        GeneratedContent content = generate(request(Map.of("negativePrompt", "blurry", "guidance", 5.0), 42L), context);

        assertThat(content.mediaType()).isEqualTo("image/png");
        assertThat(content.model().id()).isEqualTo("tiny-sd-onnx");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(content.artifact()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(content.metadata()).containsEntry("pipeline", "stable-diffusion");
        String parameters = ImageEncoder.pngText(content.artifact()).get(GenerationRecord.PARAMETERS_KEY);
        assertThat(parameters).contains("\"pipeline\":\"stable-diffusion\"").contains("\"steps\":3")
                .contains("\"negativePrompt\":\"blurry\"").contains("\"seed\":42");
        // the config names PNDM: 3 steps are 4 UNet calls, each reported
        assertThat(context.progressReports()).extracting(RecordingContext.Progress::message)
                .containsSubsequence("image 1/1, step 1/4", "image 1/1, step 4/4");
        assertThat(context.openLeases()).isZero();

        GeneratedContent again = generate(request(Map.of("negativePrompt", "blurry", "guidance", 5.0), 42L),
                RecordingContext.withModels(OnnxImageGeneratorTest.models()));
        assertThat(again.artifact()).isEqualTo(content.artifact());
    }

    @Test
    void aBatchIsAGridWhoseFirstTileIsTheSingleImageOfTheSeed() throws Exception {
        GeneratedContent one = generate(request(Map.of(), 9L), RecordingContext.withModels(OnnxImageGeneratorTest.models()));
        GeneratedContent two = generate(request(Map.of("count", 2), 9L),
                RecordingContext.withModels(OnnxImageGeneratorTest.models()));
        BufferedImage single = ImageIO.read(new ByteArrayInputStream(one.artifact()));
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(two.artifact()));
        assertThat(grid.getWidth()).isEqualTo(128);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(grid.getRGB(x, y)).isEqualTo(single.getRGB(x, y));
            }
        }
        int differing = 0; // the second tile is another image (seed 10)
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                differing += grid.getRGB(64 + x, y) != single.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).isGreaterThan(64 * 64 / 2);
        assertThat(two.usage().frames()).isEqualTo(2);
    }

    @Test
    void aSizeThatIsNotAMultipleOfEightIsAnInvalidRequest() {
        assertThatThrownBy(() -> generate(request(Map.of("width", 100, "height", 64), 1L),
                RecordingContext.withModels(OnnxImageGeneratorTest.models())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("width 100 is not a multiple of 8");
    }

    @Test
    void cancellingDuringGenerationStopsBetweenSteps() {
        RecordingContext recording = RecordingContext.withModels(OnnxImageGeneratorTest.models());
        GeneratorContext cancelsAfterTwoSteps = new GeneratorContext() {
            @Override
            public void stream(String piece) {
                recording.stream(piece);
            }

            @Override
            public ModelLease leaseModel(ModelRequirement model) {
                return recording.leaseModel(model);
            }

            @Override
            public void progress(double fraction, String message) {
                recording.progress(fraction, message);
                if (recording.progressReports().size() == 2) {
                    recording.cancel();
                }
            }

            @Override
            public boolean isCancelled() {
                return recording.isCancelled();
            }

            @Override
            public Instant deadline() {
                return recording.deadline();
            }

            @Override
            public Logger logger() {
                return recording.logger();
            }

            @Override
            public Map<String, String> config() {
                return recording.config();
            }
        };
        assertThatThrownBy(() -> generate(request(Map.of("steps", 10), 1L), cancelsAfterTwoSteps))
                .isInstanceOf(GenerationCancelledException.class).hasMessageContaining("after step 2 of 11");
        assertThat(recording.progressReports()).hasSize(2);
        assertThat(recording.openLeases()).isZero();
    }
}
