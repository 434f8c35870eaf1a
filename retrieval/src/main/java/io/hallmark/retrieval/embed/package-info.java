/**
 * Sentence embeddings behind one small interface, {@link io.hallmark.retrieval.embed.Embedder}, and the
 * in-process ONNX models that implement it ({@link io.hallmark.retrieval.embed.OnnxEmbedder}, one of the
 * {@link io.hallmark.retrieval.embed.EmbeddingModel}s: all-MiniLM-L6-v2 by default, its quantized variant,
 * BGE-small-en-v1.5 (and quantized) and E5-small-v2 (quantized)).
 *
 * <p><b>One ONNX Runtime per JVM, and the order trap.</b> The embedders run on LangChain4j's in-process
 * ONNX models, which use {@code com.microsoft.onnxruntime:onnxruntime}; the root pom pins that artifact to
 * one version (1.21.1) for LangChain4j and DJL's OnnxRuntime engine alike. If a LangChain4j embedder
 * creates the ONNX Runtime environment first, DJL's engine later fails with {@code IllegalStateException:
 * Tried to specify the thread pool when creating an OrtEnvironment, but one already exists}. A host that
 * uses both must call {@code ai.djl.engine.Engine.getEngine("OnnxRuntime")} at start-up, before creating
 * any embedder of this package.
 */
package io.hallmark.retrieval.embed;
