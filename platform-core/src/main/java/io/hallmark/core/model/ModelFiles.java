package io.hallmark.core.model;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.ModelRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The files of one model in the model directory, found by format: the weights file (whose SHA-256 identifies
 * the model; for a Hugging Face folder, the folder) and, for llama2.c, the tokenizer.
 *
 * @param path the model's file or folder in the model directory
 * @param weights the weights file, or the folder itself for formats the runtime does not load
 * @param tokenizer the tokenizer file, when the format keeps it apart
 */
public record ModelFiles(String name, String format, Path path, Path weights, @Nullable Path tokenizer) {

    /** Formats the runtime loads into memory; any other format is leased as files only. */
    public static final List<String> LOADABLE = List.of("llama2c", "gguf", "safetensors");

    public boolean loadable() {
        return LOADABLE.contains(format);
    }

    static ModelFiles find(ModelDirectory directory, ModelRequirement requirement) {
        Path path = directory.resolve(requirement.name());
        String format = requirement.format().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "llama2c" -> {
                Path weights = Files.isDirectory(path)
                        ? single(path, requirement, ".bin", "a llama2.c checkpoint (*.bin besides the tokenizer)")
                        : path;
                Path folder = weights.getParent();
                Path tokenizer = Files.exists(folder.resolve("tokenizer.bin")) ? folder.resolve("tokenizer.bin")
                        : single(folder, requirement, "tok", "a llama2.c tokenizer (tokenizer.bin or tok*.bin)");
                yield new ModelFiles(requirement.name(), format, path, weights, tokenizer);
            }
            case "gguf" -> new ModelFiles(requirement.name(), format, path,
                    Files.isDirectory(path) ? single(path, requirement, ".gguf", "a GGUF file (*.gguf)") : path, null);
            case "safetensors" -> {
                if (!Files.isRegularFile(path.resolve("config.json"))) {
                    throw new GenerationFailedException("Model '" + requirement.name() + "' (format safetensors): expected a "
                            + "Hugging Face folder with config.json, *.safetensors and tokenizer.json at " + path);
                }
                yield new ModelFiles(requirement.name(), format, path, path, null);
            }
            case "onnx" -> {
                if (!Files.isRegularFile(path) && !containsOnnx(path)) {
                    throw new GenerationFailedException("Model '" + requirement.name() + "' (format onnx): expected an "
                            + ".onnx file, or a folder with .onnx files (a GAN generator, a VAE decoder, or a Stable "
                            + "Diffusion export), at " + path + "; found none");
                }
                yield new ModelFiles(requirement.name(), format, path, path, null);
            }
            default -> new ModelFiles(requirement.name(), format, path, path, null);
        };
    }

    private static boolean containsOnnx(Path folder) {
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx"));
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot list model folder " + folder + ": " + e.getMessage(), true, e);
        }
    }

    /** The one file in {@code folder} that matches (a suffix, or the prefix {@code tok} for tokenizers). */
    private static Path single(Path folder, ModelRequirement requirement, String match, String what) {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean tokenizer = n.startsWith("tok") && n.endsWith(".bin");
                return match.equals("tok") ? tokenizer : n.endsWith(match) && !tokenizer;
            }).sorted().toList();
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot list model folder " + folder + ": " + e.getMessage(), true, e);
        }
        if (candidates.size() != 1) {
            throw new GenerationFailedException("Model '" + requirement.name() + "' (format " + requirement.format()
                    + "): expected exactly one file in " + folder + " that is " + what + ", found "
                    + candidates.stream().map(p -> p.getFileName().toString()).toList()
                    + (candidates.size() > 1 ? "; name the file, e.g. '" + requirement.name() + "/"
                            + candidates.getFirst().getFileName() + "'" : ""));
        }
        return candidates.getFirst();
    }
}
