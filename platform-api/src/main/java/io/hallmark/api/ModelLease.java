package io.hallmark.api;

import java.nio.file.Path;

/**
 * A model lent by the host for the duration of one call. The host loads each model once, verifies it against
 * its expected SHA-256 and shares it between callers; close the lease (try-with-resources) when done so the
 * host can unload models nobody uses.
 */
public interface ModelLease extends AutoCloseable {

    /** The model's identity, to put into {@link GeneratedContent#model()}. */
    ModelInfo info();

    /** The model's weights file (or folder, for multi-file formats) in the model directory; read only. */
    Path path();

    /**
     * A host-loaded form of the model, when the host's model runtime holds one of that type (for instance a
     * DJL model). Empty when only the file is available.
     */
    default <T> java.util.Optional<T> loaded(Class<T> type) {
        return java.util.Optional.empty();
    }

    /**
     * Runs the model in the host to continue {@code prompt} (text models only). A plugin in a worker process cannot
     * read weights; this is how it uses a host-owned model, of which the host keeps one copy for every plugin.
     *
     * @param options generation options such as {@code maxTokens} (whole number) and {@code temperature}
     * @throws UnsupportedOperationException when this lease offers no text generation
     * @throws GenerationFailedException when the host cannot run the model
     */
    default String generateText(String prompt, java.util.Map<String, Object> options) {
        throw new UnsupportedOperationException("Model '" + info().id() + "' offers no text generation through its "
                + "lease; read its weights with path() or use another model");
    }

    /** Returns the model to the host. */
    @Override
    void close();
}
