/**
 * The Llama-family text generation runtime on DJL NDArrays, provided by the host to every plugin (the plugin class
 * loader delegates this package, so a loaded model is one object shared by all plugins). Start at
 * {@link io.hallmark.textgen.LlamaGenerator} (generation with sampling and dynamic batching), which drives a
 * {@link io.hallmark.textgen.LlamaModel} (the decoder) loaded from a {@link io.hallmark.textgen.LlamaCheckpoint}
 * read by {@link io.hallmark.textgen.Llama2cLoader} or {@link io.hallmark.textgen.GgufLoader} (llama, qwen2, qwen3, gemma2, gemma3, phi3; the
 * {@link io.hallmark.textgen.Architecture} records what sets a family apart). Quantized and half-precision weights
 * stay in their blocks in {@link io.hallmark.textgen.QuantizedMatrix} on the CPU, or become float16 NDArrays on a GPU
 * ({@link io.hallmark.textgen.WeightPlacement}, dequantized by {@code DeviceWeights}). GGUF vocabularies are
 * {@link io.hallmark.textgen.SentencePieceTokenizer} and {@link io.hallmark.textgen.BpeTokenizer}; a model's
 * {@link io.hallmark.textgen.ChatTemplate} renders conversations. {@link io.hallmark.textgen.LlamaChatModel} adapts it
 * to LangChain4j.
 */
package io.hallmark.textgen;
