package io.hallmark.imagegen;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An RGB image of floats in {@code [0, 1]}, stored height-major with interleaved channels (HWC: the value of
 * channel {@code c} at column {@code x}, row {@code y} is {@code pixels[(y * width + x) * 3 + c]}). What every
 * pipeline of this runtime produces (latent generators, the Stable Diffusion VAE decoder) and what the encoders
 * and the video renderer take. Values outside {@code [0, 1]} are clamped when the image is converted to 8 bits.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param pixels {@code width * height * 3} floats; not copied (treat as read only)
 */
public record FloatImage(int width, int height, float[] pixels) {

    /** Channels per pixel. */
    public static final int CHANNELS = 3;

    public FloatImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image size must be at least 1x1, was " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * CHANNELS) {
            throw new IllegalArgumentException("An RGB image of " + width + "x" + height + " needs "
                    + (long) width * height * CHANNELS + " floats (HWC), got " + pixels.length);
        }
    }

    /** A grey image from one float per pixel (row-major), each copied into the three channels. */
    public static FloatImage fromGray(int width, int height, float[] gray) {
        if (gray.length != width * height) {
            throw new IllegalArgumentException("A grey image of " + width + "x" + height + " needs " + width * height
                    + " floats, got " + gray.length);
        }
        float[] rgb = new float[gray.length * CHANNELS];
        for (int i = 0; i < gray.length; i++) {
            rgb[i * 3] = gray[i];
            rgb[i * 3 + 1] = gray[i];
            rgb[i * 3 + 2] = gray[i];
        }
        return new FloatImage(width, height, rgb);
    }

    /** An image from planar channels (CHW, as NCHW model outputs are laid out), 1 or 3 channels. */
    public static FloatImage fromPlanar(int channels, int width, int height, float[] chw, int offset) {
        int plane = width * height;
        if (channels == 1) {
            float[] gray = new float[plane];
            System.arraycopy(chw, offset, gray, 0, plane);
            return fromGray(width, height, gray);
        }
        if (channels != CHANNELS) {
            throw new IllegalArgumentException("Expected 1 or 3 channels, got " + channels);
        }
        float[] rgb = new float[plane * CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < plane; i++) {
                rgb[i * 3 + c] = chw[offset + c * plane + i];
            }
        }
        return new FloatImage(width, height, rgb);
    }

    /** The value of channel {@code c} at ({@code x}, {@code y}). */
    public float get(int x, int y, int c) {
        return pixels[(y * width + x) * CHANNELS + c];
    }

    /** 8-bit RGB ({@link BufferedImage#TYPE_INT_RGB}), values clamped to [0, 1] and rounded. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * CHANNELS;
                row[x] = (toByte(pixels[i]) << 16) | (toByte(pixels[i + 1]) << 8) | toByte(pixels[i + 2]);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int toByte(float v) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        return v >= 1 ? 255 : Math.round(v * 255f);
    }

    /**
     * This image resized to {@code newWidth x newHeight} by bilinear interpolation (pixel centres aligned), for
     * upscaling small model outputs (28x28 digits) to a viewable or encodable size.
     */
    public FloatImage resized(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        float[] out = new float[newWidth * newHeight * CHANNELS];
        float sx = (float) width / newWidth;
        float sy = (float) height / newHeight;
        for (int y = 0; y < newHeight; y++) {
            float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            float wy = fy - y0;
            for (int x = 0; x < newWidth; x++) {
                float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                float wx = fx - x0;
                for (int c = 0; c < CHANNELS; c++) {
                    float top = get(x0, y0, c) * (1 - wx) + get(x1, y0, c) * wx;
                    float bottom = get(x0, y1, c) * (1 - wx) + get(x1, y1, c) * wx;
                    out[(y * newWidth + x) * CHANNELS + c] = top * (1 - wy) + bottom * wy;
                }
            }
        }
        return new FloatImage(newWidth, newHeight, out);
    }

    /**
     * Lays images of one size out in a grid of {@code columns} columns (rows as needed, empty cells black): a
     * batch of N images as one picture.
     */
    public static FloatImage grid(java.util.List<FloatImage> images, int columns) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("A grid needs at least one image");
        }
        FloatImage first = images.getFirst();
        for (FloatImage image : images) {
            if (image.width != first.width || image.height != first.height) {
                throw new IllegalArgumentException("Grid images must share one size: " + first.width + "x"
                        + first.height + " and " + image.width + "x" + image.height);
            }
        }
        int cols = Math.max(1, Math.min(columns, images.size()));
        int rows = (images.size() + cols - 1) / cols;
        int w = first.width * cols;
        int h = first.height * rows;
        float[] out = new float[w * h * CHANNELS];
        for (int n = 0; n < images.size(); n++) {
            FloatImage image = images.get(n);
            int ox = (n % cols) * first.width;
            int oy = (n / cols) * first.height;
            for (int y = 0; y < first.height; y++) {
                System.arraycopy(image.pixels, y * first.width * CHANNELS, out,
                        ((oy + y) * w + ox) * CHANNELS, first.width * CHANNELS);
            }
        }
        return new FloatImage(w, h, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatImage f && width == f.width && height == f.height
                && java.util.Arrays.equals(pixels, f.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "FloatImage[" + width + "x" + height + " RGB]";
    }
}
