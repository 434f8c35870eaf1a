package io.hallmark.imagegen.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.imagegen.GenerationLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad model folders: a missing component, an ONNX file with other inputs, an unreadable scheduler config. */
class ModelFolderErrorsTest {

    private static final Fixtures.ClosingLoader LOADER = new Fixtures.ClosingLoader();

    @AfterAll
    static void closeModels() {
        LOADER.close();
    }

    /** A scratch copy of the small fixture (1.9 MB) to break in one place. */
    private static Path copyOfFixture(Path target) throws IOException {
        Path source = Fixtures.dir("tiny-sd-onnx");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    to.toFile().setWritable(true);
                }
            }
        }
        return target;
    }

    @Test
    void aMissingComponentIsNamedWithTheExpectedLayout(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp.resolve("sd"));
        Files.delete(dir.resolve("unet/model.onnx"));
        assertThatThrownBy(() -> OptimumLayout.read(dir)).isInstanceOf(DiffusionModelException.class)
                .hasMessageContaining("lacks [unet/model.onnx]")
                .hasMessageContaining("[model_index.json, text_encoder/model.onnx, unet/model.onnx, vae_decoder/model.onnx, "
                        + "tokenizer/vocab.json, tokenizer/merges.txt, scheduler/scheduler_config.json]")
                .hasMessageContaining("optimum-cli export onnx");
    }

    @Test
    void noSafetyCheckerOrVaeEncoderIsNeeded(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp.resolve("sd"));
        Files.delete(dir.resolve("vae_encoder/model.onnx"));
        assertThat(Files.exists(dir.resolve("safety_checker"))).isFalse();
        assertThat(OptimumLayout.read(dir).scalingFactor()).isEqualTo(0.18215);
    }

    @Test
    void anOnnxFileWithUnexpectedInputsNamesExpectedAndFound(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp.resolve("sd"));
        // the VAE encoder where the UNet should be: one input "sample" [batch, 3, h, w]
        Files.copy(dir.resolve("vae_encoder/model.onnx"), dir.resolve("unet/model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir.resolve("unet/model.onnx_data"));
        java.util.List<Path> loaded = new java.util.ArrayList<>();
        io.hallmark.imagegen.OnnxLoader recording = file -> {
            loaded.add(dir.relativize(file));
            return LOADER.load(file);
        };
        assertThatThrownBy(() -> DiffusionPipeline.open(OptimumLayout.read(dir), recording, GenerationLimits.DEFAULTS))
                .isInstanceOf(DiffusionModelException.class)
                .hasMessageContaining("unet model")
                .hasMessageContaining("has inputs [sample float32[-1, 3, -1, -1]]")
                .hasMessageContaining("expected exactly [sample (float32 or float16, [batch_size, 4, height, width]), "
                        + "timestep (float or int64, rank 0 or rank 1), encoder_hidden_states");
        assertThat(loaded).as("the mismatch is found before the UNet is loaded").containsExactly(
                Path.of("text_encoder/model.onnx"));
    }

    @Test
    void aTextEncoderWithFloatIdsIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp.resolve("sd"));
        Files.copy(dir.resolve("vae_decoder/model.onnx"), dir.resolve("text_encoder/model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> DiffusionPipeline.open(OptimumLayout.read(dir), LOADER, GenerationLimits.DEFAULTS))
                .isInstanceOf(DiffusionModelException.class)
                .hasMessageContaining("text_encoder model")
                .hasMessageContaining("has inputs [latent_sample float32[-1, 4, -1, -1]]")
                .hasMessageContaining("input_ids (int32 or int64, [batch_size, sequence_length])");
    }

    @Test
    void anUnsupportedSchedulerSettingIsReportedWithTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp.resolve("sd"));
        Path config = dir.resolve("scheduler/scheduler_config.json");
        Files.writeString(config, Files.readString(config).replace("\"leading\"", "\"sideways\""));
        assertThatThrownBy(() -> OptimumLayout.read(dir)).isInstanceOf(DiffusionModelException.class)
                .hasMessageContaining("scheduler_config.json")
                .hasMessageContaining("Unsupported timestep_spacing 'sideways'; expected one of [leading, trailing, linspace]");
    }

    @Test
    void aFolderThatIsNotThereSaysHowToMakeOne(@TempDir Path tmp) {
        assertThatThrownBy(() -> OptimumLayout.read(tmp.resolve("nope"))).isInstanceOf(DiffusionModelException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("optimum-cli export onnx");
        assertThat(OptimumLayout.isStableDiffusionFolder(Fixtures.dir("tiny-sd-onnx"))).isTrue();
        assertThat(OptimumLayout.isStableDiffusionFolder(tmp)).isFalse();
    }
}
