package io.hallmark.imagegen.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.imagegen.GaussianNoise;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The pipeline on both tiny fixtures against their {@code reference.json} (made in PyTorch from the source modules):
 * text-encoder output, the first UNet output, the final latents of a 4-step DDIM run, the decoded image and its RGB
 * hash; then determinism, the other schedulers, cancellation and size/step checks.
 */
class DiffusionPipelineTest {

    static final List<String> FIXTURES = Fixtures.NAMES;
    private static final float TOLERANCE = 1e-4f;

    private static final Fixtures.ClosingLoader LOADER = new Fixtures.ClosingLoader();
    private static final Map<String, DiffusionPipeline> PIPELINES = new ConcurrentHashMap<>();

    static DiffusionPipeline pipeline(String fixture) {
        return PIPELINES.computeIfAbsent(fixture, f -> DiffusionPipeline.open(OptimumLayout.read(Fixtures.dir(f)), LOADER,
                GenerationLimits.DEFAULTS));
    }

    @AfterAll
    static void closeModels() {
        LOADER.close();
    }

    private static DiffusionRequest referenceRequest(JsonNode ref) {
        return DiffusionRequest.of(ref.get("prompt").asText()).withSteps(ref.get("num_inference_steps").asInt())
                .withGuidanceScale(ref.get("guidance_scale").asDouble()).withSeed(ref.get("seed").asLong())
                .withScheduler(SchedulerKind.DDIM);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void textEncoderMatchesTheReference(String fixture) {
        JsonNode ref = Fixtures.reference(fixture);
        DiffusionPipeline p = pipeline(fixture);
        FloatTensor[] out = p.encodeIds(Fixtures.ints(ref.get("input_ids_uncond")), Fixtures.ints(ref.get("input_ids_cond")));
        FloatTensor hidden = out[0];
        JsonNode te = ref.get("text_encoder");
        assertThat(hidden.shape()).containsExactly(2, 77, 32);
        assertThat(Arrays.copyOfRange(hidden.data(), 77 * 32, 77 * 32 + 8)).usingComparatorWithPrecision(TOLERANCE)
                .containsExactly(Fixtures.floats(te.get("last_hidden_state[1,0,:8]")));
        assertThat(Arrays.copyOfRange(hidden.data(), 77 * 32 + 5 * 32, 77 * 32 + 5 * 32 + 8))
                .usingComparatorWithPrecision(TOLERANCE).containsExactly(Fixtures.floats(te.get("last_hidden_state[1,5,:8]")));
        assertThat(sum(hidden.data())).isCloseTo(te.get("last_hidden_state_sum").asDouble(), within(2e-3));
        assertThat(Arrays.copyOfRange(out[1].data(), 32, 40)).usingComparatorWithPrecision(TOLERANCE)
                .containsExactly(Fixtures.floats(te.get("pooler_output[1,:8]")));
        // the prompt path gives the same as explicit ids
        assertThat(p.encodeText("", ref.get("prompt").asText())).isEqualTo(hidden);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void firstUnetCallMatchesTheReference(String fixture) {
        JsonNode ref = Fixtures.reference(fixture);
        DiffusionPipeline p = pipeline(fixture);
        FloatTensor hidden = p.encodeText("", ref.get("prompt").asText());
        float[] noise = new GaussianNoise(ref.get("seed").asLong()).nextFloats(4 * 8 * 8, 1.0);
        FloatTensor latents = new FloatTensor(new long[] {1, 4, 8, 8}, noise);
        FloatTensor out = p.predictNoise(FloatTensor.stack(latents.slice(0), latents.slice(0)),
                ref.get("timesteps").get(0).asDouble(), hidden);
        JsonNode u = ref.get("unet_first_step");
        assertThat(out.shape()).containsExactly(2, 4, 8, 8);
        assertThat(Arrays.copyOfRange(out.data(), 256, 264)).usingComparatorWithPrecision(TOLERANCE)
                .containsExactly(Fixtures.floats(u.get("out_sample[1,0,0,:8]")));
        assertThat(sum(out.data())).isCloseTo(u.get("out_sample_sum").asDouble(), within(2e-3));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void fourDdimStepsReproduceTheReferenceLatentsImageAndRgbHash(String fixture) {
        JsonNode ref = Fixtures.reference(fixture);
        List<Double> seen = new ArrayList<>();
        DiffusionImage image = pipeline(fixture).generate(referenceRequest(ref), step -> seen.add(step.timestep()));
        assertThat(image.timesteps()).containsExactly(751, 501, 251, 1);
        assertThat(seen).containsExactly(751.0, 501.0, 251.0, 1.0);
        assertThat(Arrays.copyOf(image.latents().data(), 8)).usingComparatorWithPrecision(TOLERANCE * 10)
                .containsExactly(Fixtures.floats(ref.get("final_latents[0,0,0,:8]")));
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(64);
        assertThat(sha256(image.rgbBytes())).isEqualTo(ref.get("rgb_uint8_sha256").asText());
        JsonNode vae = ref.get("vae_decoder");
        // sample[0,0,0,:8] is the red channel of the first row, before (x/2 + 0.5)
        float[] red = new float[8];
        for (int x = 0; x < 8; x++) {
            red[x] = image.image().get(x, 0, 0);
        }
        float[] expected = Fixtures.floats(vae.get("sample[0,0,0,:8]"));
        for (int x = 0; x < 8; x++) {
            expected[x] = Math.max(0, Math.min(1, expected[x] / 2 + 0.5f));
        }
        assertThat(red).usingComparatorWithPrecision(TOLERANCE).containsExactly(expected);
        BufferedImage rendered = image.image().toBufferedImage();
        assertThat(rendered.getWidth()).isEqualTo(64);
        assertThat((rendered.getRGB(0, 0) >> 16) & 0xff).isEqualTo(image.rgbBytes()[0] & 0xff);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void aSeedGivesTheSameImageAndAnotherSeedAnother(String fixture) {
        DiffusionRequest request = DiffusionRequest.of("a red sports car").withSteps(3).withSeed(7);
        DiffusionPipeline p = pipeline(fixture);
        byte[] first = p.generate(request).rgbBytes();
        assertThat(p.generate(request).rgbBytes()).isEqualTo(first);
        assertThat(p.generate(request.withSeed(8)).rgbBytes()).isNotEqualTo(first);
        assertThat(p.generate(request.withNegativePrompt("blurry")).rgbBytes()).isNotEqualTo(first);
    }

    @Test
    void bothExportFlavoursMakeTheSameImage() {
        DiffusionRequest request = DiffusionRequest.of("a castle on a hill").withSteps(3).withSeed(11)
                .withScheduler(SchedulerKind.EULER);
        assertThat(pipeline("tiny-sd-onnx-legacy").generate(request).rgbBytes())
                .isEqualTo(pipeline("tiny-sd-onnx").generate(request).rgbBytes());
    }

    @Test
    void defaultsComeFromTheModelFolder() {
        DiffusionImage image = pipeline("tiny-sd-onnx").generate(DiffusionRequest.of("a bird").withSteps(2));
        // the config names PNDM: 2 steps are 3 UNet calls; 64x64 is unet sample_size 8 times the VAE factor 8
        assertThat(image.scheduler()).isEqualTo(SchedulerKind.PNDM);
        assertThat(image.timesteps()).containsExactly(501, 1, 1);
        assertThat(image.request().width()).isEqualTo(64);
        assertThat(image.request().height()).isEqualTo(64);
    }

    @Test
    void everySchedulerAndOtherSizesGiveFiniteImagesOfTheAskedSize() {
        DiffusionPipeline p = pipeline("tiny-sd-onnx");
        for (SchedulerKind kind : SchedulerKind.values()) {
            DiffusionImage image = p.generate(DiffusionRequest.of("a boat on a river").withSteps(3).withSize(96, 128)
                    .withScheduler(kind));
            assertThat(image.width()).isEqualTo(96);
            assertThat(image.height()).isEqualTo(128);
            assertThat(image.latents().shape()).containsExactly(1, 4, 16, 12);
            for (float v : image.image().pixels()) {
                assertThat(v).isBetween(0f, 1f);
            }
            float spread = 0;
            for (float v : image.latents().data()) {
                assertThat(Float.isFinite(v)).isTrue();
                spread = Math.max(spread, Math.abs(v));
            }
            assertThat(spread).as("%s latents", kind).isGreaterThan(0.1f);
        }
        // guidance 1 or less runs the UNet once per step on the prompt alone
        DiffusionImage unguided = p.generate(DiffusionRequest.of("a boat").withSteps(2).withGuidanceScale(1.0));
        assertThat(unguided.rgbBytes()).isNotEqualTo(p.generate(DiffusionRequest.of("a boat").withSteps(2)).rgbBytes());
    }

    @Test
    void aListenerCancelsBetweenSteps() {
        List<Integer> steps = new ArrayList<>();
        DiffusionRequest request = DiffusionRequest.of("a dragon").withSteps(5).withScheduler(SchedulerKind.DDIM);
        assertThatThrownBy(() -> pipeline("tiny-sd-onnx").generate(request, step -> {
            steps.add(step.completed());
            assertThat(step.total()).isEqualTo(5);
            return step.completed() < 2;
        })).isInstanceOf(GenerationCancelledException.class)
                .hasMessage("Image generation cancelled after step 2 of 5: the step listener cancelled")
                .satisfies(e -> assertThat(((GenerationCancelledException) e).completedSteps()).isEqualTo(2));
        assertThat(steps).containsExactly(1, 2);
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextStep() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pipeline("tiny-sd-onnx").generate(DiffusionRequest.of("x").withSteps(3)))
                    .isInstanceOf(GenerationCancelledException.class).hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void sizesMustBeMultiplesOfEightAndWithinTheLimits() {
        DiffusionPipeline p = pipeline("tiny-sd-onnx");
        assertThatThrownBy(() -> p.generate(DiffusionRequest.of("x").withSize(100, 64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width 100 is not a multiple of 8: Stable Diffusion needs width and height in multiples of 8 "
                        + "(the VAE's downsampling factor); try 96 or 104");
        assertThatThrownBy(() -> p.generate(DiffusionRequest.of("x").withSize(64, 60)))
                .hasMessageStartingWith("height 60 is not a multiple of 8");
        assertThatThrownBy(() -> p.generate(DiffusionRequest.of("x").withSize(2048, 1024)))
                .hasMessageContaining("exceeds the configured limit of 1048576 pixels");
    }

    @Test
    void tooManyStepsForTheConfiguredLimitIsRefusedBeforeAnyWork() {
        DiffusionPipeline limited = DiffusionPipeline.open(OptimumLayout.read(Fixtures.dir("tiny-sd-onnx")), LOADER,
                new GenerationLimits(1, 10, 1, 64 * 64));
        List<Integer> calls = new ArrayList<>();
        assertThatThrownBy(() -> limited.generate(DiffusionRequest.of("x").withSteps(11), s -> calls.add(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps 11 exceeds the configured limit of 10 steps; ask for at most 10");
        assertThat(calls).isEmpty();
    }

    static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
