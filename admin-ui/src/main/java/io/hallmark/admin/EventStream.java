package io.hallmark.admin;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events response written on the request's own thread: {@link #accepts} decides from the
 * {@code Accept} header (absent, {@code *}{@code /*}, {@code text/*} and {@code text/event-stream} all take the
 * stream), {@link #open} sends the header, and each frame is flushed at once. A client that went away turns the
 * next write into {@code false}, so loops end without an exception.
 */
final class EventStream {

    private final OutputStream out;
    private boolean open = true;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    /** Whether the request's {@code Accept} header admits {@code text/event-stream}. */
    static boolean accepts(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().replace(" ", "");
                refused |= p.equals("q=0") || p.matches("q=0\\.0{0,3}");
            }
            if (!refused && (type.equals("*/*") || type.equals("text/*") || type.equals("text/event-stream"))) {
                return true;
            }
        }
        return false;
    }

    /** Sends the 200 header of an event stream and returns the stream. */
    static EventStream open(Context ctx) throws IOException {
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        ctx.res().flushBuffer();
        return new EventStream(out);
    }

    /** A named event with an id (for {@code Last-Event-ID}) and a JSON payload. */
    boolean event(String type, String id, String json) {
        return write("id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n");
    }

    /** An unnamed {@code data:} frame, as OpenAI's streams use. */
    boolean data(String text) {
        return write("data: " + text + "\n\n");
    }

    /** A comment line (keep-alive). */
    boolean comment(String text) {
        return write(": " + text + "\n\n");
    }

    /** Whether the client is still there. */
    boolean isOpen() {
        return open;
    }

    private boolean write(String frame) {
        if (!open) {
            return false;
        }
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            open = false; // the client went away
            return false;
        }
    }
}
