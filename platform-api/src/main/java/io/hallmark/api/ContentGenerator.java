package io.hallmark.api;

import org.pf4j.ExtensionPoint;

/**
 * A generator of one modality of content: the extension point every text, code, image and video plugin
 * implements (annotate the class with {@code @org.pf4j.Extension}).
 *
 * <p>The host calls {@link #generate} with a request whose parameters were already validated against
 * {@link #info()}, on a worker thread, with a deadline. Implementations must be thread-safe (the host may call
 * them concurrently), must not keep state between calls other than caches, and should check
 * {@link PluginContext#checkCancelled()} between steps. Everything a generator needs from the host comes
 * through the context.
 */
public interface ContentGenerator extends ExtensionPoint {

    /** What this generator declares: modality, capabilities, parameters, models. Called often: return a constant. */
    GeneratorInfo info();

    /**
     * Generates content for a validated request.
     *
     * @throws GenerationCancelledException when cancelled or past the deadline
     * @throws GenerationFailedException when generation fails (say whether a retry may help)
     */
    GeneratedContent generate(GenerationRequest request, GeneratorContext context);

    /** The modality this generator produces; the same as {@code info().modality()}. */
    default Modality modality() {
        return info().modality();
    }
}
