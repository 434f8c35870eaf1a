package io.hallmark.plugins.image;

import io.hallmark.api.GeneratorContext;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.latent.LatentGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * GAN generators and VAE decoders: {@code count} seeded latents decoded in one model call, each image resized to
 * the requested size. The prompt does not condition these models; it is recorded and governed.
 */
final class LatentImagePipeline implements ImagePipeline {

    @Override
    public String kind() {
        return "latent";
    }

    @Override
    public boolean accepts(Path model) {
        if (Files.isRegularFile(model)) {
            return model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
        }
        if (!Files.isDirectory(model) || Files.exists(model.resolve("model_index.json"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(model)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")).count() == 1;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<FloatImage> render(ImageJob job, OnnxLoader loader, GeneratorContext context) throws IOException {
        LatentGenerator generator = LatentGenerator.open(job.model(), loader, job.valueRange().equals("-1..1")
                ? LatentGenerator.ValueRange.MINUS_ONE_TO_ONE : LatentGenerator.ValueRange.ZERO_TO_ONE);
        context.checkCancelled();
        List<FloatImage> images = generator.generate(job.seed(), job.count());
        context.progress(1.0, job.count() + "/" + job.count() + " images");
        if (job.width() == 0 && job.height() == 0) {
            return images;
        }
        FloatImage first = images.getFirst();
        int width = job.width() == 0 ? first.width() * job.height() / first.height() : job.width();
        int height = job.height() == 0 ? first.height() * job.width() / first.width() : job.height();
        return images.stream().map(i -> i.resized(width, height)).toList();
    }
}
