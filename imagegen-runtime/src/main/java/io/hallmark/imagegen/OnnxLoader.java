package io.hallmark.imagegen;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads one ONNX file as a DJL model on the ONNX Runtime engine. The pipelines of this runtime never load models
 * themselves: the host's model runtime hands them a loader that loads each file once and shares it, and tests use
 * {@link #direct()}. A loaded model's predictors are created per call (a DJL predictor is not thread-safe); the
 * model itself is shared.
 */
@FunctionalInterface
public interface OnnxLoader {

    /**
     * @param onnxFile an {@code .onnx} file
     * @return the loaded model, owned by the loader (callers never close it)
     */
    ZooModel<NDList, NDList> load(Path onnxFile) throws IOException;

    /** A loader without sharing or caching: every call loads the file again; callers close what they get. */
    static OnnxLoader direct() {
        return onnxFile -> {
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(onnxFile)
                    .optEngine("OnnxRuntime")
                    .build();
            try {
                return criteria.loadModel();
            } catch (ModelNotFoundException | MalformedModelException e) {
                throw new IOException("Cannot load ONNX model " + onnxFile + ": " + e.getMessage(), e);
            }
        };
    }
}
