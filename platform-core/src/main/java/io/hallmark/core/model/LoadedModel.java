package io.hallmark.core.model;

import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A model the runtime holds in memory, with its open leases and the holders that used it. */
final class LoadedModel {

    final ModelFiles files;
    final String sha256;
    final LlamaGenerator generator;
    final Instant loadedAt = Instant.now();
    final long loadMillis;
    final Set<String> holders = new HashSet<>();
    int leases;

    LoadedModel(ModelFiles files, String sha256, LlamaGenerator generator, long loadMillis) {
        this.files = files;
        this.sha256 = sha256;
        this.generator = generator;
        this.loadMillis = loadMillis;
    }

    LlamaModel model() {
        return generator.model();
    }

    void close() {
        generator.close();
        generator.model().close();
    }
}
