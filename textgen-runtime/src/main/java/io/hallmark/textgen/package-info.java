/**
 * The Llama-family text generation runtime on DJL NDArrays, provided by the host to every plugin (the plugin class
 * loader delegates this package, so a loaded model is one object shared by all plugins). Start at
 * {@link io.hallmark.textgen.LlamaGenerator} (generation with sampling and dynamic batching), which drives a
 * {@link io.hallmark.textgen.LlamaModel} (the decoder) loaded from a {@link io.hallmark.textgen.LlamaCheckpoint}
 * read by {@link io.hallmark.textgen.Llama2cLoader} or {@link io.hallmark.textgen.GgufLoader}.
 * {@link io.hallmark.textgen.LlamaChatModel} adapts it to LangChain4j.
 */
package io.hallmark.textgen;
