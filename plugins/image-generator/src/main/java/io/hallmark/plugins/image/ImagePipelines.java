package io.hallmark.plugins.image;

import io.hallmark.api.GenerationFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline kinds the image generator knows, tried in order: a folder with {@code model_index.json} is a
 * Stable Diffusion export (Hugging Face Optimum ONNX layout), anything else with one {@code .onnx} file a latent
 * generator. A new kind is one more entry here.
 */
final class ImagePipelines {

    static final List<ImagePipeline> ALL = List.of(new LatentImagePipeline());

    private ImagePipelines() {}

    static ImagePipeline forModel(Path model) {
        for (ImagePipeline pipeline : ALL) {
            if (pipeline.accepts(model)) {
                return pipeline;
            }
        }
        if (Files.isRegularFile(model.resolve("model_index.json"))) {
            throw new GenerationFailedException("Model " + model + " is a Stable Diffusion export (model_index.json), "
                    + "but this build of the image generator has no Stable Diffusion pipeline; pipelines: "
                    + ALL.stream().map(ImagePipeline::kind).toList());
        }
        throw new GenerationFailedException("Model " + model + " is not a layout the image generator runs: expected "
                + "an .onnx latent generator (a file, or a folder with exactly one .onnx file) or a Stable Diffusion "
                + "export (a folder with model_index.json)");
    }
}
