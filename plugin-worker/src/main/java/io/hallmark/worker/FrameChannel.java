package io.hallmark.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One end of the worker protocol: frames in, frames out, each a JSON object checked for the protocol version.
 * Writes are serialised, so any thread may send.
 */
public final class FrameChannel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();

    public FrameChannel(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** A frame of {@code type} with the protocol version set; add fields and {@link #send} it. */
    public static Map<String, Object> frame(String type, long id) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("v", Protocol.VERSION);
        frame.put("type", type);
        frame.put("id", id);
        return frame;
    }

    /** Encodes a frame (for tests and for measuring). */
    public static byte[] encode(Map<String, ?> frame) throws JsonProcessingException {
        return JSON.writeValueAsBytes(frame);
    }

    /** Sends one frame. @throws FrameException when it is too large */
    public void send(Map<String, ?> frame) throws IOException {
        byte[] bytes = encode(frame);
        synchronized (writeLock) {
            Frames.write(out, bytes);
        }
    }

    /**
     * Receives one frame.
     *
     * @return the frame, or {@code null} at a clean end of the stream
     * @throws FrameException when the bytes are not a frame, not a JSON object, carry no type, or another version
     */
    public @Nullable Map<String, Object> receive() throws IOException {
        byte[] bytes = Frames.read(in);
        if (bytes == null) {
            return null;
        }
        Map<String, Object> frame;
        try {
            frame = JSON.readValue(bytes, OBJECT);
        } catch (IOException e) {
            throw new FrameException("A frame of " + bytes.length + " bytes is not a JSON object: "
                    + preview(bytes), e);
        }
        if (frame == null || !(frame.get("type") instanceof String)) {
            throw new FrameException("A frame has no 'type': " + preview(bytes));
        }
        Object version = frame.get("v");
        if (!(version instanceof Number n) || n.intValue() != Protocol.VERSION) {
            throw new FrameException("A frame speaks protocol version " + version + "; this side speaks "
                    + Protocol.VERSION + " (host and worker jars must come from the same Hallmark release)");
        }
        return frame;
    }

    /**
     * After a {@link FrameException}: up to {@code max} bytes that are already waiting (or arrive within
     * {@code waitMillis}), as text, to say what the other side wrote instead of a frame.
     */
    public String readStray(int max, long waitMillis) {
        byte[] buffer = new byte[max];
        int n = 0;
        long until = System.nanoTime() + waitMillis * 1_000_000;
        try {
            while (n < max && System.nanoTime() < until) {
                int available = in.available();
                if (available <= 0) {
                    Thread.sleep(10);
                    continue;
                }
                int got = in.read(buffer, n, Math.min(available, max - n));
                if (got < 0) {
                    break;
                }
                n += got;
            }
        } catch (IOException e) {
            // what we have is all there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 80), java.nio.charset.StandardCharsets.UTF_8);
        return "'" + text.replaceAll("\\p{Cntrl}", "?") + (bytes.length > 80 ? "...'" : "'");
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}
