package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;

/**
 * A generated image with the parameters that made it (the request with its defaults resolved, so the image can be
 * made again).
 *
 * @param image RGB floats in [0, 1], HWC
 * @param request the request with width, height and scheduler filled in
 * @param timesteps the timesteps the UNet was called at
 * @param latents the final latents before VAE decoding, {@code [1, channels, height/8, width/8]}
 */
public record DiffusionImage(FloatImage image, DiffusionRequest request, SchedulerKind scheduler, double[] timesteps,
        FloatTensor latents) {

    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }

    /** 8-bit RGB, HWC: each value times 255, rounded half to even as PyTorch's reference pipelines round. */
    public byte[] rgbBytes() {
        float[] rgb = image.pixels();
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) (int) Math.rint(rgb[i] * 255f);
        }
        return out;
    }
}
