/**
 * The video generator plugin: {@link io.hallmark.plugins.video.LatentVideoGenerator} renders a latent trajectory
 * through an ONNX latent generator leased from the host and encodes it as MP4 (H.264) or an animated GIF.
 */
package io.hallmark.plugins.video;
