package io.hallmark.worker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The framing of the worker protocol: each frame is a 4-byte big-endian length followed by that many bytes of UTF-8
 * JSON. A frame longer than {@link #MAX_FRAME_BYTES} is refused on both sides, before it is read or written.
 */
public final class Frames {

    /** The largest frame either side accepts (16 MiB); larger artifacts travel as files in the work folder. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private Frames() {}

    /** Writes one frame and flushes; the caller serialises concurrent writers. */
    public static void write(OutputStream out, byte[] json) throws IOException {
        if (json.length > MAX_FRAME_BYTES) {
            throw new FrameException("A frame of " + json.length + " bytes exceeds the limit of " + MAX_FRAME_BYTES
                    + " bytes; send large artifacts as files in the work folder");
        }
        byte[] header = {(byte) (json.length >>> 24), (byte) (json.length >>> 16), (byte) (json.length >>> 8),
                (byte) json.length};
        out.write(header);
        out.write(json);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @return the frame's bytes, or {@code null} when the stream ended cleanly between frames
     * @throws FrameException when the length is negative or over the limit, or the stream ends inside a frame
     */
    public static byte @Nullable [] read(InputStream in) throws IOException {
        byte[] header = new byte[4];
        int got = in.readNBytes(header, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new FrameException("The stream ended inside a frame header (" + got + " of 4 bytes)");
        }
        int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                | (header[3] & 0xff);
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new FrameException("Frame length " + Integer.toUnsignedString(length) + " (header bytes "
                    + String.format("%02x %02x %02x %02x", header[0], header[1], header[2], header[3])
                    + ") is outside 0.." + MAX_FRAME_BYTES + "; the other side wrote something that is not a frame", header);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new FrameException("The stream ended inside a frame (" + body.length + " of " + length + " bytes)",
                    new EOFException());
        }
        return body;
    }
}
