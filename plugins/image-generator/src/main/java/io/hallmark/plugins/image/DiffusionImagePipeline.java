package io.hallmark.plugins.image;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.GenerationLimits;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.diffusion.DiffusionImage;
import io.hallmark.imagegen.diffusion.DiffusionModelException;
import io.hallmark.imagegen.diffusion.DiffusionPipeline;
import io.hallmark.imagegen.diffusion.DiffusionRequest;
import io.hallmark.imagegen.diffusion.OptimumLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stable Diffusion in the Hugging Face Optimum ONNX layout (a folder with {@code model_index.json}): text to image
 * with classifier-free guidance, the scheduler its config names. Image {@code i} of a batch uses seed
 * {@code seed + i}, so the first image of a batch is the single image of the same seed. Progress is reported after
 * every denoising step and cancellation is honoured between steps.
 */
final class DiffusionImagePipeline implements ImagePipeline {

    /** The plugin checks count, steps and pixels against its settings before a pipeline runs. */
    private static final GenerationLimits UNLIMITED = new GenerationLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Long.MAX_VALUE);

    @Override
    public String kind() {
        return "stable-diffusion";
    }

    @Override
    public boolean accepts(Path model) {
        return Files.isDirectory(model) && OptimumLayout.isStableDiffusionFolder(model);
    }

    @Override
    public List<FloatImage> render(ImageJob job, OnnxLoader loader, GeneratorContext context) {
        DiffusionPipeline pipeline;
        try {
            pipeline = DiffusionPipeline.open(OptimumLayout.read(job.model()), loader, UNLIMITED);
        } catch (DiffusionModelException e) {
            throw new GenerationFailedException(e.getMessage(), false, e);
        }
        List<FloatImage> images = new ArrayList<>();
        for (int i = 0; i < job.count(); i++) {
            int index = i;
            DiffusionRequest request = DiffusionRequest.of(job.prompt()).withNegativePrompt(job.negativePrompt())
                    .withSteps(job.steps()).withGuidanceScale(job.guidance()).withSeed(job.seed() + i)
                    .withSize(job.width(), job.height());
            DiffusionImage image;
            try {
                image = pipeline.generate(request, step -> {
                    double done = (index + (double) step.completed() / step.total()) / job.count();
                    context.progress(done, "image " + (index + 1) + "/" + job.count() + ", step " + step.completed()
                            + "/" + step.total());
                    return !context.isCancelled();
                });
            } catch (io.hallmark.imagegen.diffusion.GenerationCancelledException e) {
                throw new GenerationCancelledException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of(e.getMessage().startsWith("height") ? "height" : "width",
                        e.getMessage());
            }
            images.add(image.image());
        }
        return images;
    }
}
