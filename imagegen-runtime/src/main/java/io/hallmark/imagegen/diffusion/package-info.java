/**
 * Stable Diffusion text-to-image in the Hugging Face Optimum ONNX layout. Start at
 * {@link io.hallmark.imagegen.diffusion.DiffusionPipeline#open}: it checks the folder
 * ({@link io.hallmark.imagegen.diffusion.OptimumLayout}), reads the CLIP BPE tokenizer
 * ({@link io.hallmark.imagegen.diffusion.ClipTokenizer}) and loads the text encoder, UNet and VAE decoder through the
 * host's {@link io.hallmark.imagegen.OnnxLoader}. A {@link io.hallmark.imagegen.diffusion.DiffusionRequest} (prompt,
 * negative prompt, steps, guidance, seed, size, scheduler) becomes a
 * {@link io.hallmark.imagegen.diffusion.DiffusionImage}; a {@link io.hallmark.imagegen.diffusion.StepListener} sees
 * every step and may cancel. Noise comes from {@link io.hallmark.imagegen.GaussianNoise}, so a seed gives
 * the same image on any machine. Schedulers live in {@code scheduler}; each
 * ONNX file's inputs are read with {@link io.hallmark.imagegen.OnnxSignature} and checked before it is loaded.
 */
package io.hallmark.imagegen.diffusion;
