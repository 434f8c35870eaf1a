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

    /**
     * Embeds texts with a host-owned embedding model (lease it as {@code ModelRequirement.of("all-minilm-l6-v2",
     * "embedding")}; the host offers the knowledge base's sentence embedders: all-minilm-l6-v2, all-minilm-l6-v2-q,
     * bge-small-en-v15, bge-small-en-v15-q, e5-small-v2-q). The model runs in the host, one copy for the knowledge
     * base and every plugin; the vectors are L2-normalised, so their dot product is their cosine similarity.
     *
     * @param texts the texts, in order (1 to 256, each at most 20,000 characters)
     * @param asQueries {@code true} to embed search queries, {@code false} for passages (models such as E5 and BGE
     *     put a different prefix on each; for the others it makes no difference)
     * @return one vector per text, in order, all of the model's dimension
     * @throws UnsupportedOperationException when this lease is not of an embedding model
     * @throws InvalidRequestException when there are no texts, too many, or one is too long
     */
    default java.util.List<float[]> embed(java.util.List<String> texts, boolean asQueries) {
        throw new UnsupportedOperationException("Model '" + info().id() + "' offers no embeddings through its lease; "
                + "lease an embedding model with format 'embedding', e.g. all-minilm-l6-v2");
    }

    /**
     * Draws one image with a host-owned ONNX image model (format {@code onnx}): a latent generator (GAN generator or
     * VAE decoder: one seeded latent decoded; the prompt does not steer it) or a Stable Diffusion export in the
     * Hugging Face Optimum layout (text to image, denoised in the host). The weights and sessions stay in the host,
     * shared with every plugin that uses the model.
     *
     * @param prompt what to draw (recorded in the PNG's text chunks)
     * @param options {@code seed} (whole number, default 0), and for diffusion models {@code steps} (default 20,
     *     at most 500), {@code guidance} (default 7.5), {@code negativePrompt}, {@code width} and {@code height} (0
     *     or absent: the model's own size)
     * @return the image as PNG bytes, with the prompt, seed and model in its text chunks
     * @throws UnsupportedOperationException when this lease is not of an ONNX image model
     * @throws GenerationFailedException when the host cannot run the model (a layout it does not know, a failing
     *     session)
     */
    default byte[] generateImage(String prompt, java.util.Map<String, Object> options) {
        throw new UnsupportedOperationException("Model '" + info().id() + "' offers no image generation through its "
                + "lease; lease an ONNX image model (format 'onnx')");
    }

    /** Returns the model to the host. */
    @Override
    void close();
}
