/**
 * Image and video generation on DJL's ONNX Runtime engine, provided by the host to every plugin (the plugin class
 * loader delegates this package, so a loaded model is one object shared by all plugins).
 *
 * <p>Sub-packages: latent generators (GAN generators and VAE decoders: noise to image), {@code diffusion} (Stable
 * Diffusion in the Hugging Face Optimum ONNX layout), image encoding with generation metadata, and {@code video}
 * (latent trajectories encoded as MP4/H.264 and animated GIF).
 */
package io.hallmark.imagegen;
