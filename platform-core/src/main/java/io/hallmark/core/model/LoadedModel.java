package io.hallmark.core.model;

import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A model the runtime holds in memory, with its open leases and the holders that used it: either a Llama-family
 * generator or the ONNX files of an ONNX model (loaded file by file as the pipeline asks for them).
 */
final class LoadedModel {

    final ModelFiles files;
    final String sha256;
    final @Nullable LlamaGenerator generator;
    final @Nullable OnnxModels onnx;
    final Instant loadedAt = Instant.now();
    final long loadMillis;
    final Set<String> holders = new HashSet<>();
    int leases;

    LoadedModel(ModelFiles files, String sha256, LlamaGenerator generator, long loadMillis) {
        this.files = files;
        this.sha256 = sha256;
        this.generator = generator;
        this.onnx = null;
        this.loadMillis = loadMillis;
    }

    LoadedModel(ModelFiles files, String sha256, OnnxModels onnx) {
        this.files = files;
        this.sha256 = sha256;
        this.generator = null;
        this.onnx = onnx;
        this.loadMillis = 0;
    }

    @Nullable LlamaModel model() {
        return generator == null ? null : generator.model();
    }

    long weightBytes() {
        return generator != null ? generator.model().weightBytes() : onnx.weightBytes();
    }

    void close() {
        if (generator != null) {
            generator.close();
            generator.model().close();
        }
        if (onnx != null) {
            onnx.close();
        }
    }
}
