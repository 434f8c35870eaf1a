package io.hallmark.governance.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The shared evaluation folder ({@code ../shared/eval}): one folder per data set with {@code dev.jsonl} and
 * {@code test.jsonl}. Training code reads {@code dev} only; the evaluations read {@code test}.
 */
public final class EvalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final @Nullable Map<String, String> readForTraining;

    public EvalData(Path dir) {
        this(dir, null);
    }

    private EvalData(Path dir, @Nullable Map<String, String> readForTraining) {
        this.dir = dir.toAbsolutePath().normalize();
        this.readForTraining = readForTraining;
        if (!Files.isDirectory(this.dir)) {
            throw new IllegalArgumentException("No eval folder at '" + this.dir + "'; pass --eval-dir pointing at the "
                    + "shared eval folder (the one holding deepset-prompt-injections/, crows-pairs/, ...)");
        }
    }

    /**
     * The same folder as training sees it: only dev splits (and the extra files of a set) of sets whose licence lets
     * a trained model ship ({@link DataLicences}); reading a test split or an evaluation-only set throws. Every file
     * read is recorded with its SHA-256 ({@link #filesRead}), for the model's manifest.
     */
    public EvalData forTraining() {
        return new EvalData(dir, new TreeMap<>());
    }

    /**
     * The files a training view has read so far, as {@code set/file} to SHA-256, sorted (empty for a view that is not
     * one).
     */
    public synchronized SortedMap<String, String> filesRead() {
        return readForTraining == null ? new TreeMap<>() : new TreeMap<>(readForTraining);
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
            byte[] bytes = Files.readAllBytes(path);
            if (readForTraining != null) {
                if (file.startsWith("test")) {
                    throw new IllegalStateException("Training read the test split " + dataset + "/" + file
                            + "; training reads dev splits only");
                }
                DataLicences.Licence licence = DataLicences.of(dataset);
                if (!licence.shippable()) {
                    throw new IllegalStateException("The data set '" + dataset + "' (" + licence.licence() + ") is for "
                            + "evaluation only; the default governance models train only on sets whose licence lets "
                            + "them ship (see " + DataLicences.class.getName() + ")");
                }
                synchronized (this) {
                    readForTraining.put(dataset + "/" + file, HexFormat.of().formatHex(MessageDigest
                            .getInstance("SHA-256").digest(bytes)));
                }
            }
            for (String line : new String(bytes, StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
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
