package io.hallmark.core.model;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.imagegen.OnnxLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX files of one leased model (a single {@code .onnx} file, or a folder of ONNX components such as a Stable
 * Diffusion export), each loaded at most once on DJL's ONNX Runtime engine and shared by every lease of the model.
 * What a lease hands out through {@code loaded(OnnxLoader.class)}; closing it frees every session.
 *
 * <p>Each file is checked before it is loaded: it must lie inside the model's file or folder, and its SHA-256
 * must match what the folder's {@code SOURCE.md} or {@code SHA256SUMS} lists; a file ONNX Runtime cannot parse is
 * refused with the file and what was expected.
 */
final class OnnxModels implements OnnxLoader, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnnxModels.class);

    /** One loaded file. */
    record Loaded(ZooModel<NDList, NDList> model, long bytes, long loadMillis) {}

    private final ModelFiles files;
    private final ModelDirectory directory;
    private final Map<Path, Loaded> models = new LinkedHashMap<>();
    private boolean closed;

    OnnxModels(ModelFiles files, ModelDirectory directory) {
        this.files = files;
        this.directory = directory;
    }

    @Override
    public synchronized ZooModel<NDList, NDList> load(Path onnxFile) throws IOException {
        if (closed) {
            throw new IllegalStateException("Model '" + files.name() + "' was unloaded; lease it again");
        }
        Path file = onnxFile.toAbsolutePath().normalize();
        Loaded existing = models.get(file);
        if (existing != null) {
            return existing.model();
        }
        Path root = files.path().toAbsolutePath().normalize();
        if (!file.equals(root) && !file.startsWith(root)) {
            throw new GenerationFailedException("ONNX file " + onnxFile + " is not part of model '" + files.name()
                    + "' at " + root + "; a lease loads only its own model's files");
        }
        if (!Files.isRegularFile(file)) {
            throw new GenerationFailedException("Model '" + files.name() + "': expected an ONNX file at " + file
                    + ", found " + (Files.isDirectory(file) ? "a folder" : "nothing"));
        }
        String sha = directory.sha256(file);
        String expected = Checksums.expected(file.getParent()).get(file.getFileName().toString());
        long size = Files.size(file);
        if (expected != null && !expected.equals(sha)) {
            throw new GenerationFailedException("Model file " + file + " (" + size + " bytes) has SHA-256 " + sha
                    + "; its folder lists " + expected + ". The file is truncated or corrupt: copy it again from its "
                    + "source (see SOURCE.md)");
        }
        long start = System.nanoTime();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | EngineException e) {
            throw new GenerationFailedException("Model file " + file + " (" + size + " bytes) is not a loadable ONNX "
                    + "model: " + e.getMessage() + ". Expected an ONNX graph (ModelProto) that ONNX Runtime "
                    + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion() + " can run", false, e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        models.put(file, new Loaded(model, size, millis));
        log.info("Loaded ONNX file {} of model '{}' ({} MiB) in {} ms", root.relativize(file).toString().isEmpty()
                ? file.getFileName() : root.relativize(file), files.name(), size >> 20, millis);
        return model;
    }

    /** Bytes of the ONNX files loaded so far. */
    synchronized long weightBytes() {
        return models.values().stream().mapToLong(Loaded::bytes).sum();
    }

    /** The loaded files (relative to the model) and their sizes. */
    synchronized Map<String, Long> loadedFiles() {
        Map<String, Long> out = new LinkedHashMap<>();
        Path root = files.path().toAbsolutePath().normalize();
        models.forEach((path, loaded) -> out.put(path.equals(root) ? path.getFileName().toString()
                : root.relativize(path).toString(), loaded.bytes()));
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Loaded loaded : models.values()) {
            loaded.model().close();
        }
        models.clear();
    }
}
