package io.hallmark.core.model;

import io.hallmark.textgen.GgufSummary;
import io.hallmark.textgen.Llama2cLoader;
import io.hallmark.textgen.LlamaCheckpoint;
import io.hallmark.textgen.ModelFormatException;
import io.hallmark.textgen.SafetensorsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The state of one model file in the model directory.
 *
 * @param model the model's name (its folder, or the file name at the top level)
 * @param file the file relative to the model directory
 * @param format {@code llama2c}, {@code gguf}, {@code onnx}, {@code tokenizer} or {@code other}
 * @param bytes its size
 * @param sha256 its SHA-256
 * @param expectedSha256 what the folder's {@code SOURCE.md}/{@code SHA256SUMS} lists, or {@code null}
 * @param ok whether the checksum matches (or none is listed) and the file parses
 * @param problem what is wrong and what was expected, or {@code null}
 * @param details e.g. the Llama configuration
 * @param gguf what a GGUF file is (null for other formats and for a file whose checksum is wrong)
 */
public record ModelCheck(String model, String file, String format, long bytes, String sha256,
        @Nullable String expectedSha256, boolean ok, @Nullable String problem, @Nullable String details,
        @Nullable GgufSummary gguf) {

    static List<ModelCheck> all(ModelDirectory directory) {
        Path root = directory.root();
        List<ModelCheck> checks = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return checks;
        }
        try (Stream<Path> top = Files.list(root)) {
            for (Path entry : top.sorted().toList()) {
                String model = entry.getFileName().toString();
                if (model.startsWith(".")) {
                    continue;
                }
                List<Path> files;
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> walk = Files.walk(entry)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = List.of(entry);
                }
                for (Path file : files) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".md") || name.equals("sha256sums") || name.endsWith(".txt")) {
                        continue;
                    }
                    checks.add(check(directory, model, file));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the model directory " + root + ": " + e.getMessage(), e);
        }
        return checks;
    }

    private static ModelCheck check(ModelDirectory directory, String model, Path file) {
        String relative = directory.root().relativize(file).toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long bytes = file.toFile().length();
        String sha = directory.sha256(file);
        Map<String, String> listed = Checksums.expected(file.getParent());
        String expected = listed.get(file.getFileName().toString());
        String format = name.endsWith(".gguf") ? "gguf" : name.endsWith(".onnx") ? "onnx"
                : name.endsWith(".safetensors") ? "safetensors"
                : name.startsWith("tok") && name.endsWith(".bin") ? "tokenizer" : name.endsWith(".bin") ? "llama2c" : "other";
        String problem = null;
        String details = null;
        GgufSummary gguf = null;
        if (expected != null && !expected.equals(sha)) {
            problem = "SHA-256 is " + sha + " but the folder lists " + expected + ": the file is truncated or corrupt";
        } else {
            try {
                LlamaCheckpoint checkpoint = switch (format) {
                    case "gguf" -> {
                        GgufSummary summary = GgufSummary.of(file);
                        gguf = summary;
                        details = summary.toString();
                        if (!summary.loads()) {
                            problem = summary.problem();
                        }
                        yield null;
                    }
                    case "llama2c" -> Llama2cLoader.load(file, tokenizerBeside(file));
                    case "safetensors" -> {
                        details = SafetensorsLoader.readSafetensors(file).size() + " tensors";
                        yield null;
                    }
                    default -> null;
                };
                if (checkpoint != null) {
                    details = checkpoint.config().toString();
                }
            } catch (ModelFormatException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = "cannot read " + file + ": " + e.getMessage();
            }
        }
        return new ModelCheck(model, relative, format, bytes, sha, expected, problem == null, problem, details, gguf);
    }

    private static Path tokenizerBeside(Path bin) throws IOException {
        Path folder = bin.getParent();
        if (Files.exists(folder.resolve("tokenizer.bin"))) {
            return folder.resolve("tokenizer.bin");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.startsWith("tok") && n.endsWith(".bin");
            }).findFirst().orElseThrow(() -> new ModelFormatException("llama2.c checkpoint " + bin
                    + " has no tokenizer beside it: expected tokenizer.bin or tok*.bin in " + folder));
        }
    }
}
