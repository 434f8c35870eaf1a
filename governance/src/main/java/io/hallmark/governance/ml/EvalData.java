package io.hallmark.governance.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shared evaluation folder ({@code ../shared/eval}): one folder per data set with {@code dev.jsonl} and
 * {@code test.jsonl}. Training code reads {@code dev} only; the evaluations read {@code test}.
 */
public final class EvalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public EvalData(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.dir)) {
            throw new IllegalArgumentException("No eval folder at '" + this.dir + "'; pass --eval-dir pointing at the "
                    + "shared eval folder (the one holding deepset-prompt-injections/, crows-pairs/, ...)");
        }
    }

    /**
     * The folder named by {@code option}, else {@code HALLMARK_EVAL_DIR}, else {@code ../shared/eval} of the working
     * directory, if it exists.
     */
    public static Optional<EvalData> locate(@Nullable Path option) {
        if (option != null) {
            return Optional.of(new EvalData(option));
        }
        String env = System.getenv("HALLMARK_EVAL_DIR");
        Path dir = Path.of(env != null && !env.isBlank() ? env : "../shared/eval");
        return Files.isDirectory(dir.resolve("deepset-prompt-injections")) ? Optional.of(new EvalData(dir))
                : Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    /** The rows of {@code <dataset>/<file>}. */
    public List<JsonNode> rows(String dataset, String file) {
        Path path = dir.resolve(dataset).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Missing eval file '" + path + "'; is --eval-dir the shared eval folder?");
        }
        List<JsonNode> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return rows;
    }

    /** The rows of a split, {@code dev} or {@code test}. */
    public List<JsonNode> split(String dataset, String split) {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new IllegalArgumentException("Unknown split '" + split + "'; use dev or test");
        }
        return rows(dataset, split + ".jsonl");
    }
}
