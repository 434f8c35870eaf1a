package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.diffusion.scheduler.SchedulerKind;
import java.awt.image.BufferedImage;

/**
 * A generated image: RGB floats in [0, 1], row-major HWC, with the parameters that made it (the request with
 * its defaults resolved, so the image can be made again).
 *
 * @param rgb {@code height * width * 3} values in [0, 1]
 * @param request the request with width, height and scheduler filled in
 * @param timesteps the timesteps the UNet was called at
 * @param latents the final latents before VAE decoding, {@code [1, channels, height/8, width/8]}
 */
public record DiffusionImage(int width, int height, float[] rgb, DiffusionRequest request, SchedulerKind scheduler,
        double[] timesteps, FloatTensor latents) {

    public DiffusionImage {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("Expected " + width * height * 3 + " RGB values, got " + rgb.length);
        }
    }

    /** 8-bit RGB, HWC: each value times 255, rounded half to even (as PyTorch's reference pipelines do). */
    public byte[] rgbBytes() {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) (int) Math.rint(rgb[i] * 255f);
        }
        return out;
    }

    /** The image as an 8-bit {@link BufferedImage#TYPE_INT_RGB}. */
    public BufferedImage toBufferedImage() {
        byte[] bytes = rgbBytes();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                image.setRGB(x, y, (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff));
            }
        }
        return image;
    }
}
