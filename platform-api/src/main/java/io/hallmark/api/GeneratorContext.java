package io.hallmark.api;

/** The host services of a generation call: those of {@link PluginContext} plus streaming partial output. */
public interface GeneratorContext extends PluginContext {

    /**
     * Sends a piece of partial output (a token, a line) to the caller as soon as it is produced. The pieces of
     * one call, concatenated, should equal the final text.
     */
    void stream(String piece);
}
