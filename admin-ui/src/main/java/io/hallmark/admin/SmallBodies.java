package io.hallmark.admin;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Reads a small request body before any filter may answer. A request refused before its body was read (a 401 or 403
 * for the caller, a 400 for a parameter, a 503 while the database is away) leaves bytes in the connection that may
 * still be on their way: Jetty cannot reuse it and closes it, and the close of a socket whose peer is still sending
 * resets it, which can destroy the answer before the client reads it ({@code SmallBodiesTest}). Read first, the
 * body is gone and the connection is kept.
 */
final class SmallBodies {

    /** Bodies up to {@value} bytes with a known length are read first; larger ones only as the route reads them. */
    static final long BYTES = 64 * 1024;

    private SmallBodies() {}

    /**
     * Reads the body into Javalin's cache (the route later reads the same bytes) when its length is known and at most
     * {@link #BYTES}, and the route reads it whole: not a multipart upload nor a plugin archive, which are streamed.
     */
    static void readFirst(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        String type = ctx.contentType();
        if (length > 0 && length <= BYTES
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
                && RequestLimits.limitFor(ctx.method().name(), ctx.path()) == RequestLimits.DEFAULT_BYTES) {
            ctx.bodyAsBytes();
        }
    }
}
