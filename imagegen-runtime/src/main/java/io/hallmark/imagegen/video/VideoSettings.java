package io.hallmark.imagegen.video;

import io.hallmark.imagegen.FloatImage;
import java.util.List;

/**
 * What a clip is: frame count, frame rate and frame size, checked against the encoders' limits and the
 * configured maximum frame count. H.264 in 4:2:0 needs even frame sizes.
 *
 * @param frames frames in the clip, 1 to {@code maxFrames}
 * @param fps frames per second, 1 to {@value #MAX_FPS}
 * @param width frame width in pixels, even, 16 to {@value #MAX_SIZE}
 * @param height frame height in pixels, even, 16 to {@value #MAX_SIZE}
 */
public record VideoSettings(int frames, int fps, int width, int height) {

    public static final int MAX_FPS = 120;
    public static final int MAX_SIZE = 2048;

    public VideoSettings {
        if (frames < 1) {
            throw new IllegalArgumentException("A clip needs at least 1 frame, was " + frames);
        }
        checkFps(fps);
        checkSize("width", width);
        checkSize("height", height);
    }

    /** The clip's length in seconds. */
    public double seconds() {
        return frames / (double) fps;
    }

    static void checkFps(int fps) {
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("Frame rate " + fps + " is outside 1 to " + MAX_FPS + " frames per second");
        }
    }

    private static void checkSize(String what, int size) {
        if (size < 16 || size > MAX_SIZE || size % 2 != 0) {
            throw new IllegalArgumentException("Video " + what + " " + size + " must be an even number from 16 to "
                    + MAX_SIZE + " (H.264 with 4:2:0 chroma needs even sizes)");
        }
    }

    static void checkFrames(List<FloatImage> frames, boolean evenSize) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("A clip needs at least 1 frame");
        }
        FloatImage first = frames.getFirst();
        if (evenSize && (first.width() % 2 != 0 || first.height() % 2 != 0)) {
            throw new IllegalArgumentException("H.264 needs even frame sizes; frames are " + first.width() + "x"
                    + first.height());
        }
        for (FloatImage f : frames) {
            if (f.width() != first.width() || f.height() != first.height()) {
                throw new IllegalArgumentException("All frames must share one size: " + first.width() + "x"
                        + first.height() + " and " + f.width() + "x" + f.height());
            }
        }
    }
}
