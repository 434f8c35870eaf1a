package io.hallmark.imagegen.latent;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.OnnxSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A latent image generator: a GAN generator or VAE decoder in ONNX that maps a batch of latent vectors
 * {@code [n, d]} (float32, standard normal) to images {@code [n, H, W]} (grey) or {@code [n, C, H, W]} (C = 1 or
 * 3). The input's name and latent size are read from the model; the output's value range is declared
 * ({@link ValueRange}), because a model does not say it (see the model folder's SOURCE.md).
 *
 * <p>Thread-safe: the loaded model is shared, and each call uses its own predictor.
 */
public final class LatentGenerator {

    /** How a model's output values map to [0, 1]. */
    public enum ValueRange {
        /** Already in [0, 1] (sigmoid outputs, or tanh rescaled inside the graph). */
        ZERO_TO_ONE,
        /** In [-1, 1] (a plain tanh output): rescaled as (x + 1) / 2. */
        MINUS_ONE_TO_ONE;

        float toUnit(float v) {
            return this == ZERO_TO_ONE ? v : (v + 1) / 2;
        }
    }

    private final Path onnxFile;
    private final ZooModel<NDList, NDList> model;
    private final String inputName;
    private final int latentSize;
    private final ValueRange range;

    private LatentGenerator(Path onnxFile, ZooModel<NDList, NDList> model, String inputName, int latentSize,
            ValueRange range) {
        this.onnxFile = onnxFile;
        this.model = model;
        this.inputName = inputName;
        this.latentSize = latentSize;
        this.range = range;
    }

    /**
     * Opens a latent generator.
     *
     * @param model an {@code .onnx} file, or a folder holding exactly one
     * @param loader how the ONNX file is loaded (the host's shared loader, or {@link OnnxLoader#direct()} in tests)
     * @throws IllegalArgumentException naming what was expected when the folder or the model's inputs do not fit
     */
    public static LatentGenerator open(Path model, OnnxLoader loader, ValueRange range) throws IOException {
        Path file = onnxFile(model);
        OnnxSignature signature = OnnxSignature.read(file);
        if (signature.inputs().size() != 1) {
            throw new IllegalArgumentException("Latent generator " + file + ": expected one input (latent vectors "
                    + "[n, d] float32), found " + signature.inputs());
        }
        OnnxSignature.Tensor input = signature.inputs().getFirst();
        if (input.rank() != 2 || input.dims().get(1) <= 0
                || (input.elementType() != OnnxSignature.FLOAT && input.elementType() != 0)) {
            throw new IllegalArgumentException("Latent generator " + file + ": expected its input to be latent "
                    + "vectors [n, d] float32 with a fixed d, found " + input);
        }
        ZooModel<NDList, NDList> loaded = loader.load(file);
        return new LatentGenerator(file, loaded, input.name(), Math.toIntExact(input.dims().get(1)), range);
    }

    /** The one {@code .onnx} file of a model path (a file, or a folder holding exactly one). */
    public static Path onnxFile(Path model) throws IOException {
        if (Files.isRegularFile(model)) {
            return model;
        }
        if (!Files.isDirectory(model)) {
            throw new IllegalArgumentException("Latent generator model " + model + " does not exist");
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(model)) {
            found = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx"))
                    .sorted().toList();
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("Latent generator model folder " + model
                    + ": expected exactly one .onnx file (a GAN generator or VAE decoder), found "
                    + found.stream().map(p -> p.getFileName().toString()).toList());
        }
        return found.getFirst();
    }

    /** The latent vector size the model takes (20 for the MNIST VAE, 64 for the MNIST GAN). */
    public int latentSize() {
        return latentSize;
    }

    public String inputName() {
        return inputName;
    }

    public Path onnxFile() {
        return onnxFile;
    }

    /** Generates {@code count} images from the latents of {@code seed} ({@link Latents#noise}) in one call. */
    public List<FloatImage> generate(long seed, int count) {
        return decode(Latents.noise(seed, count, latentSize));
    }

    /** Decodes a batch of latent vectors in one model call; one image per vector, in order. */
    public List<FloatImage> decode(List<float[]> latents) {
        if (latents.isEmpty()) {
            return List.of();
        }
        float[] batch = new float[latents.size() * latentSize];
        for (int i = 0; i < latents.size(); i++) {
            float[] z = latents.get(i);
            if (z.length != latentSize) {
                throw new IllegalArgumentException("Latent " + i + " has " + z.length + " values; " + onnxFile
                        + " takes " + latentSize);
            }
            System.arraycopy(z, 0, batch, i * latentSize, latentSize);
        }
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray input = manager.create(batch, new Shape(latents.size(), latentSize));
            input.setName(inputName);
            NDList output = predictor.predict(new NDList(input));
            NDArray images = output.head();
            Shape shape = images.getShape();
            float[] values = images.toType(DataType.FLOAT32, false).toFloatArray();
            output.close();
            return split(shape, values, latents.size());
        } catch (TranslateException e) {
            throw new IllegalStateException("Latent generator " + onnxFile + " failed: " + e.getMessage(), e);
        }
    }

    private List<FloatImage> split(Shape shape, float[] values, int n) {
        int channels;
        int height;
        int width;
        if (shape.dimension() == 3) {
            channels = 1;
            height = Math.toIntExact(shape.get(1));
            width = Math.toIntExact(shape.get(2));
        } else if (shape.dimension() == 4 && (shape.get(1) == 1 || shape.get(1) == 3)) {
            channels = Math.toIntExact(shape.get(1));
            height = Math.toIntExact(shape.get(2));
            width = Math.toIntExact(shape.get(3));
        } else if (shape.dimension() == 2 && isSquare(shape.get(1))) {
            channels = 1;
            height = (int) Math.round(Math.sqrt(shape.get(1)));
            width = height;
        } else {
            throw new IllegalStateException("Latent generator " + onnxFile + ": expected an image output [n, H, W] or "
                    + "[n, C, H, W] with C = 1 or 3, got " + shape);
        }
        if (shape.get(0) != n) {
            throw new IllegalStateException("Latent generator " + onnxFile + " returned " + shape.get(0)
                    + " images for " + n + " latents");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.clamp(range.toUnit(values[i]), 0f, 1f); // float rounding leaves -6e-8 and the like
        }
        int size = channels * height * width;
        List<FloatImage> images = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            images.add(FloatImage.fromPlanar(channels, width, height, values, i * size));
        }
        return images;
    }

    private static boolean isSquare(long v) {
        long r = Math.round(Math.sqrt(v));
        return r * r == v;
    }
}
