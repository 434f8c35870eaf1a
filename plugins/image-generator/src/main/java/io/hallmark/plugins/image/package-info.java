/**
 * The image generator plugin: {@link io.hallmark.plugins.image.OnnxImageGenerator} leases an ONNX model from the
 * host's model runtime and renders it through the pipeline its layout calls for ({@code ImagePipelines}: latent
 * generators now; Stable Diffusion slots in as a second {@code ImagePipeline}), then encodes PNG or JPEG with the
 * generation parameters in the file's metadata.
 */
package io.hallmark.plugins.image;
