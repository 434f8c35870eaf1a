package io.hallmark.plugins.text;

import ai.djl.Device;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.textgen.GgufLoader;
import io.hallmark.textgen.Llama2cLoader;
import io.hallmark.textgen.LlamaCheckpoint;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import io.hallmark.textgen.ModelFormatException;
import io.hallmark.textgen.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Models loaded by the plugin itself, for when the host lends only files (a host without a model runtime, or a
 * unit test's context). Each model folder is loaded once per JVM and kept; inside Hallmark the host's runtime
 * is used instead and this class stays idle.
 */
final class StandaloneModels {

    private static final Map<String, LlamaGenerator> LOADED = new ConcurrentHashMap<>();

    private StandaloneModels() {}

    static LlamaGenerator generator(Path path, String format) {
        return LOADED.computeIfAbsent(path.toAbsolutePath() + "#" + format, k -> {
            try {
                LlamaCheckpoint checkpoint = switch (format) {
                    case "gguf" -> GgufLoader.load(find(path, ".gguf"));
                    case "safetensors" -> io.hallmark.textgen.SafetensorsLoader.load(path);
                    default -> Llama2cLoader.load(find(path, ".bin"), find(path, "tok"));
                };
                return new LlamaGenerator(LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32), 8);
            } catch (ModelFormatException e) {
                throw new GenerationFailedException("Model at " + path + " cannot be loaded: " + e.getMessage(), false, e);
            }
        });
    }

    private static Path find(Path path, String kind) {
        if (Files.isRegularFile(path) && !kind.equals("tok")) {
            return path;
        }
        Path folder = Files.isDirectory(path) ? path : path.getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean tokenizer = n.startsWith("tok") && n.endsWith(".bin");
                return kind.equals("tok") ? tokenizer : n.endsWith(kind) && !tokenizer;
            }).sorted().findFirst().orElseThrow(() -> new ModelFormatException("No " + (kind.equals("tok")
                    ? "tokenizer (tok*.bin)" : "*" + kind + " file") + " in " + folder));
        } catch (IOException e) {
            throw new ModelFormatException("Cannot list " + folder + ": " + e, e);
        }
    }
}
