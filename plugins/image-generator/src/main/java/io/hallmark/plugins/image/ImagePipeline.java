package io.hallmark.plugins.image;

import io.hallmark.api.GeneratorContext;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.OnnxLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of image model behind the image generator: which model layouts it accepts and how it turns a request
 * into images. {@link ImagePipelines} picks the pipeline by the model's layout.
 */
interface ImagePipeline {

    /** A short name recorded with each image, e.g. {@code latent}. */
    String kind();

    /** Whether this pipeline runs the model at {@code model} (a file or a folder), judged by its layout. */
    boolean accepts(Path model);

    /**
     * Renders {@code job.count()} images; reports progress and checks cancellation through {@code context}.
     *
     * @throws IllegalArgumentException when the model does not have the inputs or outputs the pipeline expects
     */
    List<FloatImage> render(ImageJob job, OnnxLoader loader, GeneratorContext context) throws IOException;
}
