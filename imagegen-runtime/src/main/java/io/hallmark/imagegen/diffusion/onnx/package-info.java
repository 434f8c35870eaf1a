/**
 * What an ONNX file expects, read from the file itself: {@link io.hallmark.imagegen.diffusion.onnx.OnnxSignature}
 * parses the graph's inputs and outputs (names, {@link io.hallmark.imagegen.diffusion.onnx.ElementType element
 * types}, dimensions) straight from the protobuf, skipping the weights, so a pipeline adapts to int32 or int64 ids,
 * float32 or float16 tensors and a scalar or a rank-1 timestep whichever loader supplied the model.
 */
package io.hallmark.imagegen.diffusion.onnx;
