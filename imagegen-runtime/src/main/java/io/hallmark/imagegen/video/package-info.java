/**
 * Video from latent trajectories: {@link io.hallmark.imagegen.video.LatentVideo} renders frames along spherical
 * interpolations between seeded latents, {@link io.hallmark.imagegen.video.Mp4Encoder} writes MP4 (H.264, JCodec)
 * and {@link io.hallmark.imagegen.video.GifEncoder} an animated GIF preview; {@link
 * io.hallmark.imagegen.video.VideoSettings} holds frame count, rate and size.
 */
package io.hallmark.imagegen.video;
