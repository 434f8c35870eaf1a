package io.hallmark.imagegen.video;

import io.hallmark.imagegen.FloatImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes frames as an MP4 file with one H.264 video track (JCodec's pure-Java encoder; YUV 4:2:0, so the frame
 * width and height must be even). JCodec names its ISO base media container {@code Format.MOV}; its muxer writes
 * an {@code isom}/{@code mp4} file. The file is written through a temporary file, since the muxer seeks.
 */
public final class Mp4Encoder {

    private Mp4Encoder() {}

    /**
     * @param frames one or more frames of one even size
     * @param fps frames per second, 1 to 120
     * @return the MP4 file's bytes
     */
    public static byte[] encode(List<FloatImage> frames, int fps) {
        VideoSettings.checkFrames(frames, true);
        VideoSettings.checkFps(fps);
        Path file = null;
        try {
            file = Files.createTempFile("hallmark-video", ".mp4");
            try (FileChannelWrapper channel = NIOUtils.writableChannel(file.toFile())) {
                SequenceEncoder encoder = new SequenceEncoder(channel, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
                for (FloatImage frame : frames) {
                    encoder.encodeNativeFrame(toPicture(frame));
                }
                encoder.finish();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the MP4: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    /** A JCodec RGB picture: interleaved bytes stored as {@code value - 128}. */
    static Picture toPicture(FloatImage frame) {
        Picture picture = Picture.create(frame.width(), frame.height(), ColorSpace.RGB);
        byte[] data = picture.getPlaneData(0);
        float[] pixels = frame.pixels();
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            int b = !(v > 0) ? 0 : v >= 1 ? 255 : Math.round(v * 255f);
            data[i] = (byte) (b - 128);
        }
        return picture;
    }
}
