package io.hallmark.imagegen.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Stable Diffusion folder in the Hugging Face Optimum ONNX layout ({@code optimum-cli export onnx}), checked for
 * every file the pipeline needs, with its configs read. {@code safety_checker/}, {@code vae_encoder/} and
 * {@code feature_extractor/} are not needed.
 *
 * @param vaeScaleFactor pixels per latent cell: {@code 2^(len(vae block_out_channels) - 1)}, 8 for SD
 * @param defaultSize the default width and height: {@code unet sample_size * vaeScaleFactor}
 */
public record OptimumLayout(Path dir, SchedulerConfig scheduler, double scalingFactor, int vaeScaleFactor,
        int latentChannels, int defaultSize) {

    /** The files of the layout, relative to the folder: what the error for a missing one lists. */
    public static final List<String> REQUIRED = List.of("model_index.json", "text_encoder/model.onnx", "unet/model.onnx",
            "vae_decoder/model.onnx", "tokenizer/vocab.json", "tokenizer/merges.txt", "scheduler/scheduler_config.json");

    /** True if {@code dir} looks like a diffusers/Optimum pipeline folder: it has a {@code model_index.json}. */
    public static boolean isStableDiffusionFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("model_index.json"));
    }

    /** Checks the folder and reads its configs. */
    public static OptimumLayout read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DiffusionModelException("Stable Diffusion model folder " + dir + " does not exist; expected a folder "
                    + "exported by `optimum-cli export onnx --model <sd-model> " + dir + "` holding " + REQUIRED);
        }
        List<String> missing = REQUIRED.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
        if (!missing.isEmpty()) {
            throw new DiffusionModelException("Stable Diffusion model folder " + dir + " lacks " + missing
                    + "; the Optimum ONNX layout needs " + REQUIRED + " (export with `optimum-cli export onnx --model "
                    + "<sd-model> OUT/`)");
        }
        ObjectMapper json = new ObjectMapper();
        try {
            SchedulerConfig scheduler = SchedulerConfig.read(dir.resolve("scheduler/scheduler_config.json"));
            JsonNode vae = readOptional(json, dir.resolve("vae_decoder/config.json"));
            JsonNode unet = readOptional(json, dir.resolve("unet/config.json"));
            double scaling = vae.path("scaling_factor").asDouble(0.18215);
            int blocks = vae.path("block_out_channels").size();
            int factor = blocks > 0 ? 1 << (blocks - 1) : 8;
            int channels = unet.path("in_channels").asInt(vae.path("latent_channels").asInt(4));
            int sampleSize = unet.path("sample_size").asInt(64);
            return new OptimumLayout(dir, scheduler, scaling, factor, channels, sampleSize * factor);
        } catch (IOException e) {
            throw new DiffusionModelException("Cannot read the configs of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readOptional(ObjectMapper json, Path file) throws IOException {
        return Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
    }
}
