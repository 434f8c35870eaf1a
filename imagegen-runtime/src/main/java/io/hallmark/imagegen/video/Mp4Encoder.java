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
            return withoutTimestamps(Files.readAllBytes(file));
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

    /**
     * Sets the creation and modification times of the movie, track and media headers ({@code mvhd}, {@code tkhd},
     * {@code mdhd}) to 0, where the muxer writes the wall clock: the same frames then give the same bytes, so a
     * clip is reproducible from its seed and its hash means the content, not the second it was encoded in.
     */
    static byte[] withoutTimestamps(byte[] mp4) {
        clearTimes(mp4, 0, mp4.length);
        return mp4;
    }

    private static void clearTimes(byte[] mp4, int from, int to) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(mp4);
        int pos = from;
        while (pos + 8 <= to) {
            long size = Integer.toUnsignedLong(b.getInt(pos));
            String type = new String(mp4, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = b.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || pos + size > to) {
                return; // not a box structure we understand: leave the rest as it is
            }
            switch (type) {
                case "moov", "trak", "mdia" -> clearTimes(mp4, pos + header, (int) (pos + size));
                case "mvhd", "tkhd", "mdhd" -> {
                    int version = mp4[pos + header] & 0xff;
                    int times = pos + header + 4;
                    java.util.Arrays.fill(mp4, times, times + (version == 1 ? 16 : 8), (byte) 0);
                }
                default -> { }
            }
            pos += (int) size;
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
