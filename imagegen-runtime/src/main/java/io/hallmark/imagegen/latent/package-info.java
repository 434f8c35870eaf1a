/**
 * Latent image generators (GAN generators and VAE decoders in ONNX: noise to image):
 * {@link io.hallmark.imagegen.latent.LatentGenerator} decodes batches of latents, {@link
 * io.hallmark.imagegen.latent.Latents} draws seeded latents ({@link io.hallmark.imagegen.GaussianNoise}, the
 * same on every machine) and interpolates between them (slerp).
 */
package io.hallmark.imagegen.latent;
